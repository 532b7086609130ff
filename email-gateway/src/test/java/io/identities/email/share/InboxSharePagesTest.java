package io.identities.email.share;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkSpent;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.ShareLinkAnnouncements;
import io.identities.backbone.testing.ShareLinkKeeperStandIn;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spec "Share Identity Link (Update)": the owner reconnects an inbox with its password. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class InboxSharePagesTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Inject Events events;
  @Inject ShareLinkKeeper shareLinkKeeper;

  @AfterEach
  void keeperBack() {
    standIn().unavailable(false);
  }

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldLetTheOwnerReconnectADisconnectedInboxWithItsPasswordOnce() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("shared");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    String lead = scenario.recipient("shared-lead");
    UUID leadId = UUID.randomUUID();
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(leadId, scenario.campaign, 1, lead, "1")),
        "SENT");
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200);
    UUID held = queued(scenario.org, identity, email(leadId, scenario.campaign, 2, lead, "2"));
    awaitStatus(scenario.org, identity, held, "HELD");
    scenario.mail().changePassword(address, "new password");
    String token = link(identity);

    Response page = open(token);
    page.then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .cookie("share_csrf", not(equalTo("")))
        .body(containsString("Acme Outreach asks you to reconnect the inboxes of Ada Lovelace"))
        .body(containsString(address))
        .body(containsString("autocomplete=\"current-password\""));
    String cookie = page.getCookie("share_csrf");
    String csrf = csrf(page);

    post(token, inbox, cookie, null, "new password")
        .then()
        .statusCode(403)
        .body(containsString("This form expired"));
    post(token, inbox, cookie, csrf, "the old password")
        .then()
        .statusCode(422)
        .body(containsString("Authentication refused"))
        .body(not(containsString("the old password")));
    assertFalse(standIn().wasSpent(linkId(token), "email"), "a refused password spends nothing");
    post(token, inbox, cookie, csrf, "new password")
        .then()
        .statusCode(200)
        .body(containsString(address + " is connected again"));
    assertTrue(standIn().wasSpent(linkId(token), "email"), "spent at the keeper, on this page");

    awaitStatus(scenario.org, identity, held, "SENT");
    open(token).then().statusCode(410).body(containsString("already been used"));
  }

  @Test
  void shouldReconnectOnceWhenTwoBrowsersRaceOnOneLink() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("raced");
    UUID inbox = disconnected(identity, address);
    String token = link(identity);
    Response first = open(token);
    Response second = open(token);

    List<CompletableFuture<Integer>> posted =
        List.of(first, second).stream()
            .map(
                page ->
                    CompletableFuture.supplyAsync(
                        () ->
                            post(
                                    token,
                                    inbox,
                                    page.getCookie("share_csrf"),
                                    csrf(page),
                                    "pw-" + address)
                                .statusCode()))
            .toList();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> answer : posted) {
      statuses.add(answer.get(30, TimeUnit.SECONDS));
    }
    statuses.sort(null);
    assertEquals(List.of(200, 410), statuses, "one reconnects, the other finds the link used");
  }

  @Test
  void shouldRefuseALinkSpentOnTheLinkedInPageAtReconnectAndOnceToldOnOpening() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("spent-elsewhere");
    UUID inbox = disconnected(identity, address);
    String token = link(identity);
    Response page = open(token);
    ShareLinkKeeper.Spent spent = shareLinkKeeper.spend(token, "a LinkedIn sign-in", "linkedin");

    post(token, inbox, page.getCookie("share_csrf"), csrf(page), "pw-" + address)
        .then()
        .statusCode(410)
        .body(containsString("already been used"));
    assertEquals(List.of("DISCONNECTED"), statuses(identity));
    assertFalse(standIn().wasSpent(spent.linkId(), "email"));

    scenario.broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_SHARE_LINK_SPENT,
            scenario.org,
            spent.linkId().toString(),
            new ShareLinkSpent(spent.linkId(), "linkedin", Instant.now())));
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> open(token).statusCode() == 410);
    open(token).then().body(containsString("already been used"));
  }

  @Test
  void shouldReconnectNothingAndAskToTryAgainWhileTheKeeperCannotBeReached() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("keeper-down");
    UUID inbox = disconnected(identity, address);
    String token = link(identity);
    Response page = open(token);
    standIn().unavailable(true);

    post(token, inbox, page.getCookie("share_csrf"), csrf(page), "pw-" + address)
        .then()
        .statusCode(503)
        .body(containsString("please try again in a moment"));
    assertEquals(List.of("DISCONNECTED"), statuses(identity));
    assertFalse(standIn().wasSpent(linkId(token), "email"));

    standIn().unavailable(false);
    post(token, inbox, page.getCookie("share_csrf"), csrf(page), "pw-" + address)
        .then()
        .statusCode(200)
        .body(containsString(address + " is connected again"));
    assertEquals(List.of("CONNECTED"), statuses(identity));
    assertTrue(standIn().wasSpent(linkId(token), "email"));
  }

  @Test
  void shouldReconnectWhenTheKeeperHadGrantedThisReconnectionBeforeItsAnswerWasLost() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("lost-answer");
    UUID inbox = disconnected(identity, address);
    String token = link(identity);
    Response page = open(token);
    shareLinkKeeper.spend(token, InboxShareService.claim(inbox), "email");

    post(token, inbox, page.getCookie("share_csrf"), csrf(page), "pw-" + address)
        .then()
        .statusCode(200)
        .body(containsString(address + " is connected again"));
  }

  @Test
  void shouldAnswerNotFoundOrGoneForUnusableLinks() {
    given().get("/share/email/{token}", "no-such-link").then().statusCode(404);
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String expired =
        ShareLinkAnnouncements.announce(
            scenario.broker, events, scenario.org, identity, "Ada", Duration.ofHours(-1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> open(expired).statusCode() == 410);
    open(expired).then().body(containsString("expired"));
  }

  /** A connected inbox of the identity, disconnected by its user; answers its id. */
  private UUID disconnected(UUID identity, String address) {
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200);
    return inbox;
  }

  private List<String> statuses(UUID identity) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("status");
  }

  private static ShareLinkKeeperStandIn standIn() {
    return ShareLinkKeeperStandIn.get();
  }

  /** The link's id, as this gateway learnt it. */
  private static UUID linkId(String token) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                InboxShareLink.<InboxShareLink>find("tokenHash", ShareLinkTokens.hash(token))
                    .firstResult()
                    .id);
  }

  private String link(UUID identity) {
    String token =
        ShareLinkAnnouncements.announce(
            scenario.broker, events, scenario.org, identity, "Ada", Duration.ofHours(24));
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> open(token).statusCode() == 200);
    return token;
  }

  private static Response open(String token) {
    return given().get("/share/email/{token}", token);
  }

  private static Response post(
      String token, UUID inbox, String cookie, String csrf, String password) {
    var request = given().cookie("share_csrf", cookie).formParam("password", password);
    if (csrf != null) {
      request.formParam("csrf", csrf);
    }
    return request.post("/share/email/{token}/inboxes/{inbox}", token, inbox);
  }

  private static String csrf(Response page) {
    Matcher matcher = CSRF.matcher(page.asString());
    matcher.find();
    return matcher.group(1);
  }
}
