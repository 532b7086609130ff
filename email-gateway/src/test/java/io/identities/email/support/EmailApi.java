package io.identities.email.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.KnownIdentities;
import io.identities.backbone.testing.Tokens;
import io.identities.simulator.mail.LocalMailServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** The email gateway's API as tests call it, against a {@link LocalMailServer}. */
public final class EmailApi {

  private EmailApi() {}

  /** A new identity of {@code org} with the product's default settings, once replicated. */
  public static UUID identity(BrokerProbe broker, Events events, String org, String name) {
    return identity(broker, events, org, IdentitySnapshots.of(UUID.randomUUID(), 0, name));
  }

  public static UUID identity(
      BrokerProbe broker, Events events, String org, IdentitySnapshot snapshot) {
    return KnownIdentities.announce(
        broker, events, org, snapshot, "/api/email/identities/{id}/inboxes");
  }

  /** An identity that may send at any hour, with these per-inbox limits and signature. */
  public static UUID sender(
      BrokerProbe broker,
      Events events,
      String org,
      int dailyLimit,
      int hourlyLimit,
      String signatureHtml,
      String signatureText) {
    return identity(
        broker,
        events,
        org,
        IdentitySnapshots.withEmail(
            UUID.randomUUID(),
            0,
            "Ada Lovelace",
            new IdentitySnapshot.EmailSettings(
                dailyLimit, hourlyLimit, signatureHtml, signatureText),
            IdentitySnapshots.alwaysWorking("UTC")));
  }

  /** A new mailbox on {@code server}, connected to the identity; answers the inbox's id. */
  public static UUID inbox(LocalMailServer server, String org, UUID identity, String address) {
    server.addMailbox(address, "pw-" + address);
    return connected(org, identity, plainInbox(server, address, "pw-" + address));
  }

  /** The body of a send to {@code recipient}, step {@code step} of the lead's sequence. */
  public static Map<String, Object> email(
      UUID lead, UUID campaign, int step, String recipient, String subject) {
    Map<String, Object> body = new HashMap<>();
    body.put("leadId", lead.toString());
    if (campaign != null) { // a send without a campaign is allowed
      body.put("campaignId", campaign.toString());
    }
    body.put("sequenceStep", step);
    body.put("recipient", recipient);
    body.put("subject", subject);
    body.put("textBody", "Hello, step " + step);
    body.put("htmlBody", "<p>Hello, <i>step " + step + "</i></p>");
    return body;
  }

  public static Response send(String org, UUID identity, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .contentType("application/json")
        .body(body)
        .post("/api/email/identities/{id}/sends", identity);
  }

  /** Posts a send that must be accepted; answers its id. */
  public static UUID queued(String org, UUID identity, Map<String, Object> body) {
    Response response = send(org, identity, body);
    response.then().statusCode(202);
    return UUID.fromString(response.path("id"));
  }

  public static JsonPath sendState(String org, UUID identity, UUID send) {
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/email/identities/{id}/sends/{send}", identity, send)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the send reaches {@code status}; answers its state then. */
  public static JsonPath awaitStatus(String org, UUID identity, UUID send, String status) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status.equals(sendState(org, identity, send).getString("status")));
    return sendState(org, identity, send);
  }

  /** The messages in a mailbox, once there are {@code count} of them. */
  public static List<MimeMessage> awaitMessages(LocalMailServer server, String address, int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> server.messages(address).size() >= count);
    return server.messages(address);
  }

  /** The body connecting {@code address} on the plain SMTP and IMAP ports of {@code server}. */
  public static Map<String, Object> plainInbox(
      LocalMailServer server, String address, String password) {
    return Map.of(
        "address",
        address,
        "password",
        password,
        "smtp",
        server("127.0.0.1", server.smtpPort(), "NONE"),
        "imap",
        server("127.0.0.1", server.imapPort(), "NONE"));
  }

  public static Map<String, Object> server(String host, int port, String security) {
    return Map.of("host", host, "port", port, "security", security);
  }

  public static Response connect(String org, UUID identity, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .contentType("application/json")
        .body(body)
        .post("/api/email/identities/{id}/inboxes", identity);
  }

  /** Connects an inbox that must connect, and answers its id. */
  public static UUID connected(String org, UUID identity, Map<String, Object> body) {
    Response response = connect(org, identity, body);
    response.then().statusCode(201);
    return UUID.fromString(response.path("id"));
  }

  /** Publishes a warm-up change of the identity, as warmup-service would. */
  public static void warmup(
      BrokerProbe broker,
      Events events,
      String org,
      String type,
      UUID identity,
      UUID order,
      String state,
      Instant at) {
    broker.publish(
        events,
        events.envelope(
            type,
            org,
            identity.toString(),
            new WarmupChanged(identity, order, state, at, at.plus(Duration.ofDays(21)), null, at)));
  }
}
