package io.identities.local;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One kind of bad input to the platform's API, as a client (or an attacker) could send it: each
 * must be answered with a 4xx problem and write nothing.
 */
record BadInput(String kind, Supplier<Response> request) {

  Response send() {
    return request.get();
  }

  /** Every kind, against {@code identity} (an identity of the client's organization). */
  static List<BadInput> all(PlatformClient client, String identity) {
    String identities = client.identities + "/api/identities";
    String sends = client.email + "/api/email/identities/" + identity + "/sends";
    String inboxes = client.email + "/api/email/identities/" + identity + "/inboxes";
    String actions = client.linkedIn + "/api/linkedin/identities/" + identity + "/actions";
    String huge = "x".repeat(2 * 1024 * 1024);
    return List.of(
        new BadInput("malformed JSON", () -> client.api().body("{\"name\": ").post(identities)),
        new BadInput(
            "wrong types",
            () -> client.api().body("{\"name\": 12, \"email\": []}").post(identities)),
        new BadInput(
            "unknown field",
            () -> client.api().body("{\"name\": \"Ada\", \"isAdmin\": true}").post(identities)),
        new BadInput("a 2 MB name", () -> client.api().body(Map.of("name", huge)).post(identities)),
        new BadInput(
            "not JSON at all",
            () -> client.api().contentType(ContentType.TEXT).body("name=Ada").post(identities)),
        new BadInput(
            "NUL in a query",
            () -> client.api().urlEncodingEnabled(false).get(identities + "?q=Ada%00")),
        new BadInput("an id that is not one", () -> client.api().get(identities + "/not-an-id")),
        new BadInput(
            "limits out of range",
            () ->
                client
                    .api()
                    .body(Map.of("dailyLimitPerInbox", -1, "hourlyLimitPerInbox", 5000))
                    .put(identities + "/" + identity + "/email-settings")),
        new BadInput(
            "an oversized picture",
            () ->
                client
                    .api()
                    .contentType(ContentType.MULTIPART)
                    .multiPart("file", "me.png", new byte[6 * 1024 * 1024], "image/png")
                    .put(identities + "/" + identity + "/picture")),
        new BadInput(
            "a subject with CR/LF (header injection)",
            () ->
                client
                    .api()
                    .body(send("Hello\r\nBcc: victim@example.com", "Hi", null))
                    .post(sends)),
        new BadInput(
            "a recipient with CR/LF",
            () ->
                client
                    .api()
                    .body(
                        Map.of(
                            "leadId", "7d1c1f3e-0000-4000-8000-000000000001",
                            "sequenceStep", 1,
                            "recipient", "lead@prospect.example\r\nBcc: victim@example.com",
                            "subject", "Hello",
                            "textBody", "Hi"))
                    .post(sends)),
        new BadInput(
            "an executable disguised as a PDF",
            () ->
                client
                    .api()
                    .body(
                        send(
                            "Hello",
                            "Hi",
                            Map.of(
                                "filename",
                                "offer.pdf",
                                "contentType",
                                "application/pdf",
                                "content",
                                Base64.getEncoder().encodeToString("MZ\u0090\u0000".getBytes()))))
                    .post(sends)),
        new BadInput(
            "a body over 1 MB",
            () -> client.api().body(send("Hello", "x".repeat(1_100_000), null)).post(sends)),
        new BadInput(
            "an inbox on a private network",
            () ->
                client
                    .api()
                    .body(
                        Map.of(
                            "address",
                            "ada@sales.example",
                            "password",
                            "secret",
                            "smtp",
                            Map.of("host", "10.0.0.1", "port", 25, "security", "NONE"),
                            "imap",
                            Map.of("host", "10.0.0.1", "port", 143, "security", "NONE")))
                    .post(inboxes)),
        new BadInput(
            "an unknown action type",
            () ->
                client
                    .api()
                    .body(Map.of("type", "linkedin.everything.delete", "person", "ada-lovelace"))
                    .post(actions)),
        new BadInput(
            "an invitation note over 300 characters",
            () ->
                client
                    .api()
                    .body(
                        Map.of(
                            "type",
                            "linkedin.invitation.send",
                            "person",
                            "https://www.linkedin.com/in/ada-lovelace",
                            "note",
                            "n".repeat(301)))
                    .post(actions)),
        new BadInput(
            "a login without a password",
            () ->
                client
                    .api()
                    .body(Map.of("identityId", identity, "email", "ada@example.com"))
                    .post(client.linkedIn + "/api/linkedin/connections")),
        new BadInput(
            "a warm-up order without an idempotency key",
            () ->
                client
                    .api()
                    .post(client.warmup + "/api/warmup/identities/" + identity + "/orders")),
        new BadInput(
            "a forged payment webhook",
            () ->
                client
                    .api()
                    .header("Stripe-Signature", "t=1,v1=forged")
                    .body("{\"id\": \"evt_forged\", \"type\": \"checkout.session.completed\"}")
                    .post(client.warmup + "/api/warmup/payments/stripe/webhook")));
  }

  private static Map<String, Object> send(
      String subject, String text, Map<String, String> attachment) {
    return Map.of(
        "leadId",
        "7d1c1f3e-0000-4000-8000-000000000001",
        "sequenceStep",
        1,
        "recipient",
        "lead@prospect.example",
        "subject",
        subject,
        "textBody",
        text,
        "attachments",
        attachment == null ? List.of() : List.of(attachment));
  }
}
