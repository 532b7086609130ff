package io.identities.local;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The platform's API as a member of one organization uses it, on a local run. */
final class PlatformClient {

  static final String ALWAYS_WORKING =
      "{\"timeZone\": \"UTC\", \"week\": {"
          + String.join(
              ", ",
              Stream.of(DayOfWeek.values())
                  .map(day -> "\"" + day + "\": [{\"start\": \"00:00\", \"end\": \"24:00\"}]")
                  .toList())
          + "}}";

  final String identities;
  final String linkedIn;
  final String email;
  final String warmup;
  private final String token;
  private final int smtpPort;
  private final int imapPort;

  PlatformClient(LocalPlatform platform, String token) {
    this.identities = platform.url(8081);
    this.linkedIn = platform.url(8082);
    this.email = platform.url(8083);
    this.warmup = platform.url(8084);
    this.smtpPort = platform.port(3025);
    this.imapPort = platform.port(3143);
    this.token = token;
  }

  /** The organization the token acts for (its {@code org_id}). */
  String organization() {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return payload.replaceAll(".*\"org_id\":\"([^\"]+)\".*", "$1");
  }

  RequestSpecification api() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** Asks identities-service for a new identity named {@code name}; answers its response. */
  Response createIdentity(String name) {
    return api().body(Map.of("name", name)).post(identities + "/api/identities");
  }

  /** A new identity that may send at any hour, {@code daily}/{@code hourly} per inbox. */
  String sender(String name, int daily, int hourly) {
    String id = createIdentity(name).then().statusCode(201).extract().path("id");
    api()
        .body(ALWAYS_WORKING)
        .put(identities + "/api/identities/" + id + "/working-hours")
        .then()
        .statusCode(200);
    api()
        .body(Map.of("dailyLimitPerInbox", daily, "hourlyLimitPerInbox", hourly))
        .put(identities + "/api/identities/" + id + "/email-settings")
        .then()
        .statusCode(200);
    return id;
  }

  /** Connects a mailbox of the run's mail server to the identity; answers the inbox's id. */
  String connectInbox(String identity, String address, String password) {
    return api()
        .body(
            Map.of(
                "address",
                address,
                "password",
                password,
                "smtp",
                Map.of("host", "127.0.0.1", "port", smtpPort, "security", "NONE"),
                "imap",
                Map.of("host", "127.0.0.1", "port", imapPort, "security", "NONE")))
        .post(email + "/api/email/identities/" + identity + "/inboxes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Queues the first email of a new lead to {@code recipient}; answers the send's id. */
  String send(String identity, String recipient, String subject) {
    return send(
        identity,
        UUID.randomUUID().toString(),
        recipient,
        subject,
        "Would you have a minute? " + subject);
  }

  /** Queues the first email of {@code lead}'s sequence to {@code recipient}; answers its id. */
  String send(String identity, String lead, String recipient, String subject, String text) {
    return api()
        .body(
            Map.of(
                "leadId",
                lead,
                "sequenceStep",
                1,
                "recipient",
                recipient,
                "subject",
                subject,
                "textBody",
                text))
        .post(email + "/api/email/identities/" + identity + "/sends")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  /** The status of each of the identity's {@code sends}. */
  List<String> statuses(String identity, List<String> sends) {
    return sends.stream()
        .map(
            send ->
                api()
                    .get(email + "/api/email/identities/" + identity + "/sends/" + send)
                    .then()
                    .extract()
                    .<String>path("status"))
        .toList();
  }

  /** True when {@code url} answers 200 to this organization. */
  boolean found(String url) {
    return api().get(url).statusCode() == 200;
  }
}
