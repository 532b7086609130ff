package io.identities.linkedin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.domain.SessionHealth;
import io.identities.linkedin.support.KnownIdentities;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.Totp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting a LinkedIn account against the simulator, one outcome per test. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class ConnectionTest {

  @Inject Events events;
  @Inject ObjectMapper mapper;
  @Inject EntityManager entityManager;
  @Inject SessionHealth health;

  @ConfigProperty(name = "identities.test.simulator-url")
  String simulator;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();
  private final LinkedInApi linkedIn = new LinkedInApi(org);
  private UUID identity;

  @BeforeEach
  void knowAnIdentity() {
    identity = KnownIdentities.announce(broker, events, org, "Ada");
  }

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldConnectAtOnceAndPublishTheProfileButNeverTheSession() throws Exception {
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);

    connect(DemoAccounts.PLAIN, DemoAccounts.PASSWORD)
        .statusCode(200)
        .body("status", equalTo("CONNECTED"))
        .body("profile.firstName", equalTo("Ada"))
        .body("profile.profileUrl", equalTo("https://www.linkedin.com/in/ada-lovelace"));

    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("CONNECTED"))
        .body("salesNavigator", equalTo(true))
        .body("lastCheckedAt", notNullValue());
    JsonNode event =
        mapper.readTree(
            broker
                .nextContaining(connected, identity.toString(), Duration.ofSeconds(10))
                .getBody());
    assertEquals("Lovelace", event.path("data").path("lastName").asText());
    assertTrue(event.path("data").path("salesNavigator").asBoolean());
    String sealed = sealedSession();
    assertTrue(sealed.startsWith("test:"), "sealed with the configured key");
    assertFalse(sealed.contains("AQE"), "no li_at cookie in clear");
    assertFalse(event.toString().contains("AQE"), "no session on the bus");
  }

  @Test
  void shouldConnectANewIdentityByNameAndAnnounceIt() throws Exception {
    String connectedEvents = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);

    String id =
        api()
            .body(
                "{\"identityName\": \"Ada at Example\", \"email\": \""
                    + DemoAccounts.PLAIN
                    + "\", \"password\": \""
                    + DemoAccounts.PASSWORD
                    + "\"}")
            .post("/api/linkedin/connections")
            .then()
            .statusCode(200)
            .body("status", equalTo("CONNECTED"))
            .extract()
            .path("identityId");

    api()
        .get("/api/linkedin/identities/{id}", id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ada at Example"));
    JsonNode event =
        mapper.readTree(
            broker.nextContaining(connectedEvents, id, Duration.ofSeconds(10)).getBody());
    assertEquals("Ada at Example", event.path("data").path("identityName").asText());
  }

  @Test
  void shouldForgetTheNewIdentityOfAConnectionThatFailed() {
    String handshake =
        api()
            .body(
                "{\"identityName\": \"Never\", \"email\": \""
                    + DemoAccounts.EMAIL_PIN
                    + "\", \"password\": \""
                    + DemoAccounts.PASSWORD
                    + "\"}")
            .post("/api/linkedin/connections")
            .then()
            .statusCode(200)
            .extract()
            .path("handshakeId");
    String id =
        api()
            .get("/api/linkedin/connections/{id}", handshake)
            .then()
            .statusCode(200)
            .extract()
            .path("identityId");

    for (String code : new String[] {"111111", "222222", "333333"}) {
      verify(handshake, code).statusCode(422);
    }

    api().get("/api/linkedin/identities/{id}", id).then().statusCode(404);
  }

  @Test
  void shouldNeedEitherAnIdentityOrAName() {
    api()
        .body("{\"email\": \"" + DemoAccounts.PLAIN + "\", \"password\": \"x\"}")
        .post("/api/linkedin/connections")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("identityId"));
    api()
        .body(
            "{\"identityId\": \""
                + identity
                + "\", \"identityName\": \"Both\", \"email\": \""
                + DemoAccounts.PLAIN
                + "\", \"password\": \"x\"}")
        .post("/api/linkedin/connections")
        .then()
        .statusCode(400);
  }

  @Test
  void shouldDisconnectOnRequest() throws Exception {
    String disconnected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_DISCONNECTED);
    connect(DemoAccounts.PLAIN, DemoAccounts.PASSWORD).statusCode(200);

    api().delete("/api/linkedin/identities/{id}/session", identity).then().statusCode(204);

    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("DISCONNECTED"));
    api().delete("/api/linkedin/identities/{id}/session", identity).then().statusCode(404);
    JsonNode event =
        mapper.readTree(
            broker
                .nextContaining(disconnected, identity.toString(), Duration.ofSeconds(10))
                .getBody());
    assertEquals("DISCONNECTED", event.path("data").path("reason").asText());
    assertEquals(
        null,
        QuarkusTransaction.requiringNew().call(this::sealedSessionOrNull),
        "cookies forgotten");
  }

  @Test
  void shouldDisconnectASessionLinkedInNoLongerAccepts() throws Exception {
    String disconnected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_DISCONNECTED);
    connect(DemoAccounts.SMS_PIN, DemoAccounts.PASSWORD);
    connect(DemoAccounts.PLAIN, DemoAccounts.PASSWORD).statusCode(200);

    health.checkSessionsNotCheckedFor(Duration.ZERO, 0);
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("CONNECTED"));

    given()
        .post(simulator + "/simulator/accounts/{email}/revoke", DemoAccounts.PLAIN)
        .then()
        .statusCode(200);
    health.checkSessionsNotCheckedFor(Duration.ZERO, 0);

    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("DISCONNECTED"));
    JsonNode event =
        mapper.readTree(
            broker
                .nextContaining(disconnected, identity.toString(), Duration.ofSeconds(10))
                .getBody());
    assertEquals("EXPIRED", event.path("data").path("reason").asText());
  }

  @Test
  void shouldSayWhyLinkedInRefusedTheLogin() {
    connect(DemoAccounts.PLAIN, "wrong password")
        .statusCode(422)
        .body("detail", containsString("refused the password"));
    connect("nobody@example.com", DemoAccounts.PASSWORD)
        .statusCode(422)
        .body("detail", containsString("no account with this email"));
    connect(DemoAccounts.SOCIAL_LOGIN, DemoAccounts.PASSWORD)
        .statusCode(422)
        .body("detail", containsString("Google, Microsoft or Apple"))
        .body("detail", containsString("password is set in LinkedIn's settings"));
    connect(DemoAccounts.CAPTCHA, DemoAccounts.PASSWORD)
        .statusCode(429)
        .body("detail", containsString("wait a while"));
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
  }

  @Test
  void shouldConnectWithTheEmailCodeAfterAWrongOne() {
    String handshake =
        connect(DemoAccounts.EMAIL_PIN, DemoAccounts.PASSWORD)
            .statusCode(200)
            .body("status", equalTo("CHALLENGE_PENDING"))
            .body("challengeType", equalTo("EMAIL_PIN"))
            .body("hint", equalTo("a code was sent to p***@example.com"))
            .body("attemptsLeft", equalTo(3))
            .extract()
            .path("handshakeId");
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("CHALLENGE_PENDING"));

    verify(handshake, "111111")
        .statusCode(422)
        .body("detail", equalTo("The code is wrong; 2 attempts left"));
    verify(handshake, DemoAccounts.PIN).statusCode(200).body("status", equalTo("CONNECTED"));
    verify(handshake, DemoAccounts.PIN).statusCode(409);
  }

  @Test
  void shouldSendTheCodeAnotherWay() {
    String handshake = challenge(DemoAccounts.EMAIL_PIN);

    resend(handshake, "{\"method\": \"SMS_PIN\"}")
        .statusCode(200)
        .body("challengeType", equalTo("SMS_PIN"))
        .body("hint", containsString("SMS"));
    resend(handshake, "{}").statusCode(200).body("challengeType", equalTo("SMS_PIN"));
    resend(handshake, "{\"method\": \"AUTHENTICATOR_APP\"}").statusCode(400);

    verify(handshake, DemoAccounts.PIN).statusCode(200).body("status", equalTo("CONNECTED"));
  }

  @Test
  void shouldLetAnAppApprovalFallBackToAnEmailCode() {
    String handshake = challenge(DemoAccounts.APP_APPROVAL);

    resend(handshake, "{\"method\": \"EMAIL_PIN\"}")
        .statusCode(200)
        .body("challengeType", equalTo("EMAIL_PIN"));

    verify(handshake, DemoAccounts.PIN).statusCode(200).body("status", equalTo("CONNECTED"));
  }

  @Test
  void shouldGiveUpAfterThreeWrongCodes() {
    String handshake = challenge(DemoAccounts.SMS_PIN);

    verify(handshake, "111111").statusCode(422).body("detail", containsString("2 attempts left"));
    verify(handshake, "222222").statusCode(422).body("detail", containsString("1 attempt left"));
    verify(handshake, "333333")
        .statusCode(422)
        .body("detail", containsString("no attempt is left"));
    verify(handshake, DemoAccounts.PIN).statusCode(409);
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
  }

  @Test
  void shouldConnectWithARealAuthenticatorCode() {
    String handshake = challenge(DemoAccounts.AUTHENTICATOR);

    verify(handshake, Totp.code(DemoAccounts.TOTP_SECRET, Instant.now()))
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));
  }

  @Test
  void shouldRefuseAnExpiredHandshake() {
    String handshake = challenge(DemoAccounts.EMAIL_PIN);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update linkedin_handshake set expires_at = now() - interval '1 second' where id = ?1")
                    .setParameter(1, UUID.fromString(handshake))
                    .executeUpdate());

    verify(handshake, DemoAccounts.PIN).statusCode(410).contentType("application/problem+json");
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
  }

  @Test
  void shouldConnectOnceTheMemberApprovesInTheApp() {
    String handshake = challenge(DemoAccounts.APP_APPROVAL);
    api()
        .get("/api/linkedin/connections/{id}", handshake)
        .then()
        .statusCode(200)
        .body("status", equalTo("CHALLENGE_PENDING"));
    verify(handshake, "123456").statusCode(422);

    given()
        .post(simulator + "/simulator/accounts/{email}/approve", DemoAccounts.APP_APPROVAL)
        .then()
        .statusCode(200);

    api()
        .get("/api/linkedin/connections/{id}", handshake)
        .then()
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));
  }

  @Test
  void shouldHideHandshakesAndIdentitiesOfOtherOrganizations() {
    String handshake = challenge(DemoAccounts.EMAIL_PIN);
    var stranger =
        given()
            .auth()
            .oauth2(Tokens.member(Tokens.newOrganization()))
            .contentType(ContentType.JSON);

    stranger
        .body("{\"code\": \"246810\"}")
        .post("/api/linkedin/connections/{id}/verification", handshake)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .contentType(ContentType.JSON)
        .body(
            "{\"identityId\": \""
                + identity
                + "\", \"email\": \"ada@example.com\", \"password\": \"x\"}")
        .post("/api/linkedin/connections")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldRefuseAnIncompleteRequest() {
    api()
        .body("{\"identityId\": \"" + identity + "\", \"email\": \"not-an-email\"}")
        .post("/api/linkedin/connections")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("email", "password"));
  }

  private String challenge(String email) {
    return connect(email, DemoAccounts.PASSWORD)
        .statusCode(200)
        .body("status", equalTo("CHALLENGE_PENDING"))
        .extract()
        .path("handshakeId");
  }

  private ValidatableResponse connect(String email, String password) {
    return linkedIn.connect(identity, email, password);
  }

  private ValidatableResponse verify(String handshake, String code) {
    return linkedIn.verify(handshake, code);
  }

  private RequestSpecification api() {
    return linkedIn.request();
  }

  private ValidatableResponse resend(String handshake, String body) {
    return api().body(body).post("/api/linkedin/connections/{id}/resend", handshake).then();
  }

  private String sealedSessionOrNull() {
    return (String)
        entityManager
            .createNativeQuery(
                "select sealed_session from linkedin_identity where identity_id = ?1")
            .setParameter(1, identity)
            .getSingleResult();
  }

  private String sealedSession() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery(
                            "select sealed_session from linkedin_identity where identity_id = ?1")
                        .setParameter(1, identity)
                        .getSingleResult());
  }
}
