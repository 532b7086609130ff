package io.identities.email.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.KnownIdentities;
import io.identities.backbone.testing.Tokens;
import io.identities.simulator.mail.LocalMailServer;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** The email gateway's API as tests call it, against a {@link LocalMailServer}. */
public final class EmailApi {

  private EmailApi() {}

  /** A new identity of {@code org} with the product's default settings, once replicated. */
  public static UUID identity(BrokerProbe broker, Events events, String org, String name) {
    return KnownIdentities.announce(
        broker,
        events,
        org,
        IdentitySnapshots.of(UUID.randomUUID(), 0, name),
        "/api/email/identities/{id}/inboxes");
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
}
