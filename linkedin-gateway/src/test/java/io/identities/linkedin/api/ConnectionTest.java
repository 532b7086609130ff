package io.identities.linkedin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.simulator.linkedin.Account;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
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
  @Inject DataSource dataSource;

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
    Account ada = LinkedInAccounts.like(DemoAccounts.PLAIN);

    connect(ada.email(), DemoAccounts.PASSWORD)
        .statusCode(200)
        .body("status", equalTo("CONNECTED"))
        .body("profile.firstName", equalTo("Ada"))
        .body(
            "profile.profileUrl", equalTo("https://www.linkedin.com/in/" + ada.publicIdentifier()));

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
                    + own(DemoAccounts.PLAIN)
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
  void shouldRefuseAnAccountConnectedToAnotherIdentityOfTheOrganizationNamingIt() {
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);
    String max = own(DemoAccounts.FREE);
    connect(max, DemoAccounts.PASSWORD).statusCode(200);
    UUID second = KnownIdentities.announce(broker, events, org, "Bea");

    linkedIn
        .connect(second, max, DemoAccounts.PASSWORD)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("title", equalTo("LinkedIn account already connected"))
        .body("detail", containsString("already connected to the identity \"Ada\""))
        .body("detail", containsString(identity.toString()));
    api()
        .body(
            "{\"identityName\": \"Never kept\", \"email\": \""
                + max
                + "\", \"password\": \""
                + DemoAccounts.PASSWORD
                + "\"}")
        .post("/api/linkedin/connections")
        .then()
        .statusCode(409);

    api()
        .get("/api/linkedin/identities/{id}", second)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
    assertNull(QuarkusTransaction.requiringNew().call(() -> sealedSessionOf(second)));
    assertEquals(0L, identitiesNamed("Never kept"));
    assertTrue(broker.noneContaining(connected, second.toString(), Duration.ofSeconds(1)));
    connect(max, DemoAccounts.PASSWORD) // the identity holding it may connect it again
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));
  }

  @Test
  void shouldRefuseAnAccountConnectedInAnotherOrganizationWithoutNamingItsIdentity() {
    String max = own(DemoAccounts.FREE);
    connect(max, DemoAccounts.PASSWORD).statusCode(200);
    String other = Tokens.newOrganization();
    UUID theirs = KnownIdentities.announce(broker, events, other, "Olga");

    new LinkedInApi(other)
        .connect(theirs, max, DemoAccounts.PASSWORD)
        .statusCode(409)
        .body("detail", containsString("another organization of the platform"))
        .body("detail", containsString("disconnected there first"))
        .body("detail", not(containsString("Ada")))
        .body("detail", not(containsString(identity.toString())));
    new LinkedInApi(other)
        .request()
        .get("/api/linkedin/identities/{id}", theirs)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
  }

  @Test
  void shouldRefuseAnAccountAnotherIdentityHoldsOnceItsCodeIsEnteredAndEndTheSignIn() {
    String pia = own(DemoAccounts.EMAIL_PIN);
    verify(challenge(pia), DemoAccounts.PIN).statusCode(200);
    UUID second = KnownIdentities.announce(broker, events, org, "Pia again");
    String handshake =
        linkedIn
            .connect(second, pia, DemoAccounts.PASSWORD)
            .statusCode(200)
            .extract()
            .path("handshakeId");

    verify(handshake, DemoAccounts.PIN)
        .statusCode(409)
        .body("detail", containsString(identity.toString()));

    verify(handshake, DemoAccounts.PIN).statusCode(409).body("detail", containsString("ended"));
    api()
        .get("/api/linkedin/identities/{id}", second)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
    assertNull(QuarkusTransaction.requiringNew().call(() -> sealedSessionOf(second)));
  }

  @Test
  void shouldLetAnotherIdentityConnectTheAccountOnceItsIdentityDisconnectedIt() {
    String max = own(DemoAccounts.FREE);
    connect(max, DemoAccounts.PASSWORD).statusCode(200);
    api().delete("/api/linkedin/identities/{id}/session", identity).then().statusCode(204);
    UUID second = KnownIdentities.announce(broker, events, org, "Bea");

    linkedIn
        .connect(second, max, DemoAccounts.PASSWORD)
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));

    connect(max, DemoAccounts.PASSWORD) // now the second identity holds it
        .statusCode(409)
        .body("detail", containsString(second.toString()));
  }

  @Test
  void shouldRefuseTheLaterOfTwoConnectionsOfOneAccountThatBothPassedTheCheck() throws Exception {
    String max = own(DemoAccounts.FREE);
    UUID second = KnownIdentities.announce(broker, events, org, "Bea");
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false); // the first identity's row, locked: its recording waits
      held.createStatement()
          .execute(
              "select 1 from linkedin_identity where identity_id = '" + identity + "' for update");
      Future<ValidatableResponse> first = caller.submit(() -> connect(max, DemoAccounts.PASSWORD));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock(held));

      linkedIn.connect(second, max, DemoAccounts.PASSWORD).statusCode(200); // checked meanwhile
      held.commit();

      first
          .get(10, TimeUnit.SECONDS)
          .statusCode(409)
          .body("title", equalTo("LinkedIn account already connected"))
          .body("detail", containsString(second.toString()));
    } finally {
      caller.shutdownNow();
    }
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
  }

  private static boolean waitingForALock(Connection connection) throws SQLException {
    ResultSet waiting =
        connection
            .createStatement()
            .executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'");
    waiting.next();
    return waiting.getInt(1) > 0;
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
    connect(own(DemoAccounts.PLAIN), DemoAccounts.PASSWORD).statusCode(200);

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
    String ada = own(DemoAccounts.PLAIN);
    connect(DemoAccounts.SMS_PIN, DemoAccounts.PASSWORD);
    connect(ada, DemoAccounts.PASSWORD).statusCode(200);

    health.checkSessionsNotCheckedFor(Duration.ZERO, 0);
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("CONNECTED"));

    given().post(simulator + "/simulator/accounts/{email}/revoke", ada).then().statusCode(200);
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
        connect(own(DemoAccounts.EMAIL_PIN), DemoAccounts.PASSWORD)
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
    String handshake = challenge(own(DemoAccounts.EMAIL_PIN));

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
    String handshake = challenge(own(DemoAccounts.APP_APPROVAL));

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
    String handshake = challenge(own(DemoAccounts.AUTHENTICATOR));

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
    String amy = own(DemoAccounts.APP_APPROVAL);
    String handshake = challenge(amy);
    api()
        .get("/api/linkedin/connections/{id}", handshake)
        .then()
        .statusCode(200)
        .body("status", equalTo("CHALLENGE_PENDING"));
    verify(handshake, "123456").statusCode(422);

    given().post(simulator + "/simulator/accounts/{email}/approve", amy).then().statusCode(200);

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

  /** A new account like a demo account, for a test that connects it (see LinkedInAccounts). */
  private static String own(String demoEmail) {
    return LinkedInAccounts.like(demoEmail).email();
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

  private String sealedSessionOf(UUID identityId) {
    return (String)
        entityManager
            .createNativeQuery(
                "select sealed_session from linkedin_identity where identity_id = ?1")
            .setParameter(1, identityId)
            .getSingleResult();
  }

  private long identitiesNamed(String name) {
    return KnownIdentities.named(entityManager, name);
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
