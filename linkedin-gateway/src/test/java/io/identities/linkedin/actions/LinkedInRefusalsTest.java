package io.identities.linkedin.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.linkedin.support.ActionsApi;
import io.identities.linkedin.support.ActionsScenario;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInAccounts.Connected;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.Invitation;
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What LinkedIn's refusals make of an action, and of the account (issue #10 items 7 and 8). */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class LinkedInRefusalsTest {

  private static final Duration PAST_ANY_GAP = ActionsScenario.PAST_ANY_GAP;

  @Inject TestClock clock;

  @RegisterExtension final ActionsScenario scenario = new ActionsScenario();
  private final BrokerProbe broker = scenario.broker;
  private final LinkedInApi api = scenario.api;
  private final ActionsApi actions = scenario.actions;
  private final LinkedInSimulator linkedIn = scenario.linkedIn;

  @Test
  void shouldRefuseANewInvitationForThreeWeeksOnceLinkedInSaysCantResendYet() {
    Connected account = connect(false);
    linkedIn.inviteByHand(account.email(), "dennis-ritchie", null);
    linkedIn.withdrawByHand(account.email(), "dennis-ritchie"); // LinkedIn now holds 3 weeks

    JsonPath refused =
        actions.await(account.identity(), invite(account, "dennis-ritchie", Map.of()), "FAILED");
    assertEquals("COOLDOWN", refused.getString("failure.code"));
    Instant until = Instant.parse(refused.getString("failure.until"));
    assertEquals(clock.instant().plus(Duration.ofDays(21)), until);

    UUID again = UUID.randomUUID();
    actions
        .post(
            account.identity(),
            again,
            EventTypes.LINKEDIN_INVITATION_SEND,
            LinkedInSimulator.memberId("dennis-ritchie"),
            Map.of())
        .statusCode(202)
        .extract();
    JsonPath atOnce = actions.get(account.identity(), again);
    assertEquals("FAILED", atOnce.getString("status"), "refused without asking LinkedIn");
    assertEquals("COOLDOWN", atOnce.getString("failure.code"));
    assertEquals(until.toString(), atOnce.getString("failure.until"));

    clock.set(until.plusSeconds(60));
    actions.await(account.identity(), invite(account, "dennis-ritchie", Map.of()), "DONE");
    assertEquals(1, pending(account.email()));
  }

  @Test
  void shouldHoldTheAccountsInvitationsAfterThreeFailuresInARowUntilResumed() {
    Connected account = connect(false);
    List<String> refusing = List.of("alan-turing", "linus-torvalds", "margaret-hamilton");
    for (String person : refusing) { // each withdrawn by hand: LinkedIn answers CANT_RESEND_YET
      linkedIn.inviteByHand(account.email(), person, null);
      linkedIn.withdrawByHand(account.email(), person);
    }
    List<UUID> failing =
        refusing.stream().map(person -> invite(account, person, Map.of())).toList();
    UUID next = invite(account, "tim-berners-lee", Map.of());

    actions.runUntil(clock, account.identity(), failing, Instant.MAX);
    JsonPath held = actions.await(account.identity(), next, "HELD");
    assertTrue(held.getString("reason").contains("3 times in a row"), held.getString("reason"));
    assertTrue(usage(account.identity()).getString("invitationsHeldAt") != null);
    UUID visit = visit(account, "katherine-johnson"); // only invitations stop
    clock.advance(PAST_ANY_GAP);
    actions.await(account.identity(), visit, "DONE");

    api.request()
        .delete("/api/linkedin/identities/{id}/invitations/hold", account.identity())
        .then()
        .statusCode(204);
    clock.advance(PAST_ANY_GAP);
    actions.await(account.identity(), next, "DONE");
  }

  @Test
  void shouldSendWithoutTheNoteOnlyWhenTheCallerAllowedIt() {
    Connected account = connect(false);
    linkedIn.noteQuota(account.email(), 0); // the free account's notes of the month are used up

    JsonPath refused =
        actions.await(
            account.identity(),
            invite(account, "tim-berners-lee", Map.of("note", "Hi Tim")),
            "FAILED");
    assertEquals("CUSTOM_INVITE_LIMIT_REACHED", refused.getString("failure.code"));
    assertEquals(0, pending(account.email()));

    clock.advance(PAST_ANY_GAP);
    JsonPath done =
        actions.await(
            account.identity(),
            invite(
                account,
                "margaret-hamilton",
                Map.of("note", "Hi Margaret", "allowWithoutNote", true)),
            "DONE");
    assertFalse(done.getBoolean("result.noteSent"));
    Invitation sent = linkedIn.invitations(account.email()).get(0);
    assertEquals("margaret-hamilton", sent.toSlug());
    assertNull(sent.note());
  }

  @Test
  void shouldFailAnInvitationToAConnectionOrSomeoneAlreadyInvitedWithoutSending() {
    Connected account = connect(false);
    actions.await(account.identity(), invite(account, "alan-turing", Map.of()), "DONE");

    clock.advance(PAST_ANY_GAP);
    JsonPath connected =
        actions.await(account.identity(), invite(account, "grace-hopper", Map.of()), "FAILED");
    clock.advance(PAST_ANY_GAP);
    JsonPath invited =
        actions.await(account.identity(), invite(account, "alan-turing", Map.of()), "FAILED");
    clock.advance(PAST_ANY_GAP);
    JsonPath refused =
        actions.await(account.identity(), invite(account, "bill-gates", Map.of()), "FAILED");

    assertEquals("ALREADY_CONNECTED", connected.getString("failure.code"));
    assertEquals("ALREADY_INVITED", invited.getString("failure.code"));
    assertEquals("CANT_INVITE", refused.getString("failure.code"));
    assertEquals(1, linkedIn.invitations(account.email()).size(), "only the first went out");
    assertEquals(1, usage(account.identity()).getInt("usage.invitationsToday.used"));
  }

  @Test
  void shouldBackTheWholeAccountOffWhenLinkedInThrottlesIt() {
    Connected account = connect(false);
    linkedIn.throttle(account.email(), 1, 429);

    UUID visit = visit(account, "alan-turing");
    JsonPath waiting =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30)) // a ceiling: under load the first try can take a while
            .until(
                () -> actions.get(account.identity(), visit),
                action ->
                    action.getString("reason") != null
                        && action.getString("reason").contains("slow down"));
    Instant slot = Instant.parse(waiting.getString("notBefore"));
    assertTrue(!slot.isBefore(clock.instant().plus(Duration.ofMinutes(15))), "backs off: " + slot);
    assertEquals(
        slot.toString(),
        usage(account.identity()).getString("usage.nextSlot.profileVisit"),
        "the whole account waits");

    clock.set(slot);
    actions.await(account.identity(), visit, "DONE");
  }

  @Test
  void shouldHoldEverythingWhenTheSessionExpiresAndResumeOnceReconnected() throws Exception {
    String disconnected = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_SESSION_DISCONNECTED);
    Connected account = connect(false);
    linkedIn.revokeSessions(account.email());

    UUID first = visit(account, "alan-turing");
    UUID second = visit(account, "linus-torvalds");
    JsonPath held = actions.await(account.identity(), first, "HELD");
    actions.await(account.identity(), second, "HELD");
    assertTrue(held.getString("reason").contains("session"), held.getString("reason"));
    assertEquals("DISCONNECTED", usage(account.identity()).getString("status"));
    broker.nextContaining(disconnected, account.identity().toString(), Duration.ofSeconds(10));

    api.connect(account.identity(), account.email(), DemoAccounts.PASSWORD).statusCode(200);
    actions.runUntilDone(clock, account.identity(), List.of(first, second));
    assertEquals("DONE", actions.get(account.identity(), first).getString("status"));
    assertEquals("DONE", actions.get(account.identity(), second).getString("status"));
  }

  @Test
  void shouldStopEverythingOfARestrictedAccountAndSaySo() throws Exception {
    String restricted = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_ACCOUNT_RESTRICTED);
    Connected account = connect(false);
    linkedIn.restrict(account.email(), true);

    UUID first = visit(account, "alan-turing");
    UUID second = visit(account, "linus-torvalds");

    JsonPath held = actions.await(account.identity(), first, "HELD");
    assertTrue(held.getString("reason").contains("restricted"), held.getString("reason"));
    actions.await(account.identity(), second, "HELD");
    broker.nextContaining(restricted, account.identity().toString(), Duration.ofSeconds(10));
    assertEquals(0, linkedIn.profileViews(account.email()));
    assertTrue(usage(account.identity()).getString("restrictedAt") != null);

    linkedIn.restrict(account.email(), false); // a week later, someone looked
    api.request()
        .delete("/api/linkedin/identities/{id}/restriction", account.identity())
        .then()
        .statusCode(204);
    actions.runUntilDone(clock, account.identity(), List.of(first, second));
    assertEquals("DONE", actions.get(account.identity(), second).getString("status"));
    assertEquals(2, linkedIn.profileViews(account.email()));
  }

  private UUID invite(Connected account, String person, Map<String, Object> extra) {
    return actions.ask(
        account.identity(), EventTypes.LINKEDIN_INVITATION_SEND, ActionsApi.profile(person), extra);
  }

  private UUID visit(Connected account, String person) {
    return actions.ask(
        account.identity(),
        EventTypes.LINKEDIN_PROFILE_VISIT,
        ActionsApi.profile(person),
        Map.of());
  }

  private long pending(String email) {
    return linkedIn.invitations(email).stream()
        .filter(invitation -> invitation.state() == Invitation.State.PENDING)
        .count();
  }

  private JsonPath usage(UUID identity) {
    return api.request()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Connected connect(boolean salesNavigator) {
    return scenario.connect(
        LinkedInAccounts.defaults().workingHours(IdentitySnapshots.alwaysWorking("Europe/Madrid")),
        salesNavigator);
  }
}
