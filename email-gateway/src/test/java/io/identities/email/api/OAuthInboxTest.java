package io.identities.email.api;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google inboxes with OAuth 2.0 against a local authorization server stand-in: authorization code
 * with PKCE, XOAUTH2 logins to the real SMTP/IMAP server, refreshed and revoked tokens.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class OAuthInboxTest {

  @Inject Events events;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldConnectAGoogleInboxSendWithXoauth2AndRefreshTheExpiredToken() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("google");
    MailInfrastructure.OAUTH.addAccount(address, "google password");
    MailInfrastructure.OAUTH.accessTokensLive(3600);

    URI authorization = start(identity);
    assertTrue(
        authorization.getQuery().contains("code_challenge_method=S256"), authorization.toString());
    assertTrue(authorization.getQuery().contains("access_type=offline"), authorization.toString());
    Map<String, String> back = signIn(authorization, address, "google password", "allow");

    callback(back)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Cache-Control", "no-store")
        .body(containsString(address + " is connected"));
    inboxes(identity)
        .then()
        .body("[0].address", equalTo(address))
        .body("[0].provider", equalTo("GOOGLE"))
        .body("[0].status", equalTo("CONNECTED"))
        .body("[0].smtp.port", equalTo(MailInfrastructure.MAIL.smtpPort()));
    callback(back).then().statusCode(410).body(containsString("already used"));

    String lead = scenario.recipient("oauth-lead");
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(UUID.randomUUID(), scenario.campaign, 1, lead, "1")),
        "SENT");
    assertEquals(0, MailInfrastructure.OAUTH.refreshes(address));

    // the next token lives 62 s, so within 2 s it is inside the gateway's minute of margin: the
    // gateway must refresh it before the next login (one refresh: the new one is good for 2 s,
    // so the reader and the sender do not take turns invalidating each other's token)
    MailInfrastructure.OAUTH.accessTokensLive(62);
    Map<String, String> again = signIn(start(identity), address, "google password", "allow");
    callback(again).then().statusCode(200);
    Awaitility.await().pollDelay(Duration.ofMillis(2100)).until(() -> true);
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(UUID.randomUUID(), scenario.campaign, 1, lead, "2")),
        "SENT");
    assertTrue(MailInfrastructure.OAUTH.refreshes(address) >= 1, "the token was refreshed");
    assertEquals(2, MailInfrastructure.MAIL.count(lead));
  }

  @Test
  void shouldPauseTheInboxWhenTheProviderRefusesToRenewItsAuthorization() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("revoked");
    MailInfrastructure.OAUTH.addAccount(address, "the account's password");
    MailInfrastructure.OAUTH.accessTokensLive(1);
    callback(signIn(start(identity), address, "the account's password", "allow"))
        .then()
        .statusCode(200);
    MailInfrastructure.OAUTH.revoke(address);
    Awaitility.await().pollDelay(Duration.ofMillis(1100)).until(() -> true);

    UUID send =
        queued(
            scenario.org,
            identity,
            email(UUID.randomUUID(), scenario.campaign, 1, scenario.recipient("x"), "Hi"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "PAUSED".equals(inboxes(identity).path("[0].status")));
    inboxes(identity).then().body("[0].statusReason", containsString("Google refused to renew"));
    awaitStatus(scenario.org, identity, send, "HELD");
  }

  @Test
  void shouldRefuseADeniedUnknownOrForeignAuthorization() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("denied");
    MailInfrastructure.OAUTH.addAccount(address, "the account's password");

    Map<String, String> denied = signIn(start(identity), address, "the account's password", "deny");
    callback(denied).then().statusCode(403).body(containsString("access_denied"));
    callback(Map.of("state", "forged", "code", "whatever")).then().statusCode(404);
    inboxes(identity).then().body("size()", equalTo(0));

    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .contentType("application/json")
        .body(Map.of("provider", "IMAP"))
        .post("/api/email/identities/{id}/inboxes/oauth", identity)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .contentType("application/json")
        .body(Map.of("provider", "MICROSOFT"))
        .post("/api/email/identities/{id}/inboxes/oauth", identity)
        .then()
        .statusCode(409)
        .body("detail", containsString("Microsoft is not set up"));
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .contentType("application/json")
        .body(Map.of("provider", "GOOGLE"))
        .post("/api/email/identities/{id}/inboxes/oauth", identity)
        .then()
        .statusCode(404);
  }

  private URI start(UUID identity) {
    return URI.create(
        given()
            .auth()
            .oauth2(Tokens.member(scenario.org))
            .contentType("application/json")
            .body(Map.of("provider", "GOOGLE"))
            .post("/api/email/identities/{id}/inboxes/oauth", identity)
            .then()
            .statusCode(201)
            .extract()
            .<String>path("authorizationUrl"));
  }

  /** The owner signs in on the provider's page; answers the query the browser comes back with. */
  private static Map<String, String> signIn(
      URI authorization, String address, String password, String decision) {
    Map<String, String> form = query(authorization.getRawQuery());
    form.put("email", address);
    form.put("password", password);
    form.put("decision", decision);
    String location =
        RestAssured.given()
            .redirects()
            .follow(false)
            .formParams(form)
            .post(authorization.getScheme() + "://" + authorization.getAuthority() + "/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    assertTrue(location.startsWith(MailInfrastructure.REDIRECT_URI), location);
    assertFalse(location.contains(password));
    return query(URI.create(location).getRawQuery());
  }

  private static Response callback(Map<String, String> query) {
    return given().queryParams(query).get("/api/email/oauth/callback");
  }

  private Response inboxes(UUID identity) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return query;
  }
}
