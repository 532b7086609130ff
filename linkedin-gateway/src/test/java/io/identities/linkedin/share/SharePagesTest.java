package io.identities.linkedin.share;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.ShareLinkSpent;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.ShareLinkKeeperStandIn;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.domain.ShareLinkService;
import io.identities.linkedin.support.KnownIdentities;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.linkedin.support.ShareLinks;
import io.identities.linkedin.support.ShareVisitor;
import io.identities.simulator.linkedin.DemoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The share-link pages over HTTP, as a browser posts them, against the LinkedIn simulator. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class SharePagesTest {

  @Inject Events events;
  @Inject EntityManager entityManager;
  @Inject ShareLinkKeeper keeper;

  @ConfigProperty(name = "identities.test.simulator-url")
  String simulator;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
    ShareLinkKeeperStandIn.get().unavailable(false);
    broker.close();
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownLink() {
    given()
        .get("/share/{token}", "no-such-link-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("This link is not valid"));
  }

  @Test
  void shouldAnswerGoneForAnExpiredLink() {
    String token = ShareLinks.announce(broker, events, org, null, null, Duration.ofHours(-1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> given().get("/share/" + token).statusCode() != 404);

    given()
        .get("/share/" + token)
        .then()
        .statusCode(410)
        .body(containsString("This link has expired"));
  }

  @Test
  void shouldInviteNamingTheOrganizationWithLabelledInputsAndAStrictCookie() {
    String token = ShareLinks.make(broker, events, org, null, null);

    Response page = new ShareVisitor(token).open();

    page.then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .body(containsString("Acme Outreach invites you to connect your LinkedIn account"))
        .body(containsString("Grace Hopper sent you this link"))
        .body(containsString("<label for=\"name\">"))
        .body(containsString("<label for=\"email\">"))
        .body(containsString("<label for=\"password\">"))
        .body(containsString("name=\"viewport\""));
    String cookie = page.getDetailedCookie("share_csrf").toString();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP here: " + cookie);
    String behindTls =
        given()
            .header("X-Forwarded-Proto", "https")
            .get("/share/" + token)
            .getDetailedCookie("share_csrf")
            .toString();
    assertTrue(behindTls.contains("Secure"), "behind the TLS ingress: " + behindTls);
  }

  @Test
  void shouldRefuseAFormPostedWithoutItsCsrfTokenAndConnectNothing() {
    String token = ShareLinks.make(broker, events, org, null, null);
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);

    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("name", "Forged")
        .formParam("email", DemoAccounts.PLAIN)
        .formParam("password", DemoAccounts.PASSWORD)
        .post("/share/" + token)
        .then()
        .statusCode(403)
        .body(containsString("This form had expired"));

    assertTrue(broker.noneContaining(connected, "Forged", Duration.ofSeconds(2)));
    given().get("/share/" + token).then().statusCode(200);
  }

  @Test
  void shouldTreatAVerificationWithoutItsSignInAsAStaleForm() {
    String token = ShareLinks.make(broker, events, org, null, "Stale");
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open(); // the invitation: no sign-in, so no handshake to post

    visitor.verify("123456").then().statusCode(403).body(containsString("This form had expired"));
    visitor.open().then().statusCode(200);
  }

  @Test
  void shouldAddANewIdentityAndSpendTheLink() throws Exception {
    String token = ShareLinks.make(broker, events, org, null, null);
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open();

    visitor
        .signIn("Ada via link", own(DemoAccounts.PLAIN), DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("Your LinkedIn account is connected"))
        .body(containsString("Ada Lovelace's LinkedIn account now works with Acme Outreach"));

    String event =
        new String(
            broker.nextContaining(connected, "Ada via link", Duration.ofSeconds(10)).getBody());
    assertTrue(event.contains("\"orgid\":\"" + org + "\""), event);
    assertTrue(
        ShareLinkKeeperStandIn.get().wasSpent(linkId(token), ShareLinkService.SPENT_ON),
        "spent at identities-service, which keeps the links");
    visitor.open().then().statusCode(410).body(containsString("already been used"));
  }

  @Test
  void shouldRefuseAtTheLastStepALinkSpentOnTheInboxPageMeanwhile() {
    UUID identity = KnownIdentities.announce(broker, events, org, "Ines");
    String token = ShareLinks.make(broker, events, org, identity, "Ines");
    ShareVisitor owner = new ShareVisitor(token);
    owner.open();
    owner
        .signIn(null, own(DemoAccounts.EMAIL_PIN), DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("<label for=\"code\">"));

    keeper.spend(token, "a sign-in on the inbox page", "email"); // an inbox reconnected with it

    owner.verify(DemoAccounts.PIN).then().statusCode(410).body(containsString("already been used"));
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"))
        .body("profile", nullValue());
    owner.open().then().statusCode(410).body(containsString("already been used"));
    assertFalse(ShareLinkKeeperStandIn.get().wasSpent(linkId(token), ShareLinkService.SPENT_ON));
  }

  @Test
  void shouldSayALinkSpentOnAnotherPageHasBeenUsedOnceItIsAnnounced() {
    UUID identity = KnownIdentities.announce(broker, events, org, "Ivo");
    String token = ShareLinks.make(broker, events, org, identity, "Ivo");

    ShareLinkKeeper.Spent spent = keeper.spend(token, "a sign-in on the inbox page", "email");
    broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_SHARE_LINK_SPENT,
            org,
            spent.linkId().toString(),
            new ShareLinkSpent(spent.linkId(), "email", Instant.now())));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> given().get("/share/" + token).statusCode() == 410);
    given().get("/share/" + token).then().body(containsString("already been used"));
  }

  @Test
  void shouldRecordNothingAndKeepTheLinkWhileIdentitiesServiceCannotBeReached() {
    String name = "Kept " + UUID.randomUUID();
    String token = ShareLinks.make(broker, events, org, null, name);
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);
    String account = own(DemoAccounts.PLAIN);
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open();
    ShareLinkKeeperStandIn.get().unavailable(true);

    visitor
        .signIn(null, account, DemoAccounts.PASSWORD)
        .then()
        .statusCode(503)
        .body(containsString("try again in a moment"))
        .body(containsString("<label for=\"password\">"));

    assertTrue(broker.noneContaining(connected, name, Duration.ofSeconds(2)));
    assertEquals(0L, identitiesNamed(name), "no identity made");
    ShareLinkKeeperStandIn.get().unavailable(false);
    visitor.open().then().statusCode(200);
    visitor
        .signIn(null, account, DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("is connected"));
    assertTrue(ShareLinkKeeperStandIn.get().wasSpent(linkId(token), ShareLinkService.SPENT_ON));
  }

  @Test
  void shouldRefuseAnAccountAnotherIdentityHoldsInPlainWordsAndKeepTheLink() {
    UUID ada = KnownIdentities.announce(broker, events, org, "Ada");
    String account = own(DemoAccounts.PLAIN);
    new LinkedInApi(org).connect(ada, account, DemoAccounts.PASSWORD).statusCode(200);
    String token = ShareLinks.make(broker, events, org, null, "Ada again");
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open();

    visitor
        .signIn(null, account, DemoAccounts.PASSWORD)
        .then()
        .statusCode(409)
        .contentType(containsString("text/html"))
        .body(containsString("already connected to the identity"))
        .body(containsString(ada.toString()))
        .body(containsString("<label for=\"email\">"));

    assertEquals(0L, identitiesNamed("Ada again"), "no identity made");
    assertFalse(ShareLinkKeeperStandIn.get().wasSpent(linkId(token), ShareLinkService.SPENT_ON));
    visitor.open().then().statusCode(200);
  }

  @Test
  void shouldKeepTheEmailButNeverThePasswordAfterAWrongPassword() {
    String token = ShareLinks.make(broker, events, org, null, "Named by the inviter");
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open().then().body(containsString("id=\"email\""));
    assertFalse(visitor.lastPage().contains("id=\"name\""), "the inviter named the identity");

    String wrong = "not-the-password-" + UUID.randomUUID();
    String ada = own(DemoAccounts.PLAIN);
    Response refused = visitor.signIn(null, ada, wrong);

    refused.then().statusCode(422).body(containsString("LinkedIn refused the password"));
    assertTrue(refused.asString().contains("value=\"" + ada + "\""));
    assertFalse(refused.asString().contains(wrong), "the password is never echoed");
    visitor
        .signIn(null, ada, DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("is connected"));
  }

  @Test
  void shouldRefreshAnIdentityThroughTheCodeLinkedInSentAndHoldTheLinkMeanwhile() {
    UUID identity = KnownIdentities.announce(broker, events, org, "Pia");
    String token = ShareLinks.make(broker, events, org, identity, "Pia");
    ShareVisitor owner = new ShareVisitor(token);
    owner
        .open()
        .then()
        .body(containsString("reconnect the LinkedIn account of Pia"))
        .body(containsString("href=\"/share/email/" + token + "\"")); // same host, by the ingress

    owner
        .signIn(null, own(DemoAccounts.EMAIL_PIN), DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("a code was sent to p***@example.com"))
        .body(containsString("<label for=\"code\">"));
    owner.verify("000000").then().statusCode(422).body(containsString("2 attempts left"));
    owner
        .resend("SMS_PIN")
        .then()
        .statusCode(200)
        .body(containsString("sent by SMS"))
        .body(containsString("Get a code by email instead"));

    ShareVisitor other = new ShareVisitor(token);
    other.open();
    other
        .signIn(null, DemoAccounts.PLAIN, DemoAccounts.PASSWORD)
        .then()
        .statusCode(409)
        .body(containsString("being used in another browser"));

    owner
        .verify(DemoAccounts.PIN)
        .then()
        .statusCode(200)
        .body(containsString("Pia Pinto's LinkedIn account now works"));
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("CONNECTED"))
        .body("profile.firstName", equalTo("Pia"));
    owner.open().then().statusCode(410);
  }

  @Test
  void shouldFinishAnAppApprovalOnceTheMemberApproves() {
    String token = ShareLinks.make(broker, events, org, null, "Amy");
    ShareVisitor visitor = new ShareVisitor(token);
    visitor.open();
    String amy = own(DemoAccounts.APP_APPROVAL);
    visitor
        .signIn(null, amy, DemoAccounts.PASSWORD)
        .then()
        .statusCode(200)
        .body(containsString("approve the sign-in"));

    visitor.continueAfterApproval().then().statusCode(422).body(containsString("not seen"));
    given().post(simulator + "/simulator/accounts/{email}/approve", amy).then().statusCode(200);

    visitor.continueAfterApproval().then().statusCode(200).body(containsString("is connected"));
  }

  @Test
  void shouldLetExactlyOneOfTwoRacingBrowsersConnect() throws Exception {
    String connected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_CONNECTED);
    ExecutorService browsers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String name = "Racer " + round + " " + UUID.randomUUID();
        String token = ShareLinks.make(broker, events, org, null, name);
        String account = own(DemoAccounts.PLAIN);
        List<Callable<Integer>> both = new ArrayList<>();
        for (int browser = 0; browser < 2; browser++) {
          ShareVisitor visitor = new ShareVisitor(token);
          visitor.open();
          both.add(
              () ->
                  visitor
                      .signIn(null, account, DemoAccounts.PASSWORD)
                      .then()
                      .extract()
                      .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : browsers.invokeAll(both)) {
          statuses.add(outcome.get());
        }

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "" + statuses);
        assertTrue(
            statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 410), "" + statuses);
        broker.nextContaining(connected, name, Duration.ofSeconds(10));
        assertTrue(broker.noneContaining(connected, name, Duration.ofMillis(500)), "one only");
      }
    } finally {
      browsers.shutdownNow();
    }
  }

  /** A new account like a demo account, for a test that connects it (see LinkedInAccounts). */
  private static String own(String demoEmail) {
    return LinkedInAccounts.like(demoEmail).email();
  }

  private UUID linkId(String token) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (UUID)
                    entityManager
                        .createNativeQuery("select id from share_link where token_hash = ?1")
                        .setParameter(1, ShareLinkTokens.hash(token))
                        .getSingleResult());
  }

  private long identitiesNamed(String name) {
    return KnownIdentities.named(entityManager, name);
  }
}
