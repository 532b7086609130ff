package io.identities.linkedin.actions;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Invitations after they were sent (issue #10 items 4 to 7): acceptance seen on LinkedIn and
 * announced once, pending ones listed with those sent by hand, bulk and automatic withdrawal, and
 * the 3-week rule that follows a withdrawal.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class InvitationsTest {

  /** Past the next comparison with LinkedIn's lists (every 30 minutes, varied by a fifth). */
  private static final Duration PAST_A_CHECK = Duration.ofMinutes(37);

  @Inject TestClock clock;

  @RegisterExtension final ActionsScenario scenario = new ActionsScenario();
  private final BrokerProbe broker = scenario.broker;
  private final LinkedInApi api = scenario.api;
  private final ActionsApi actions = scenario.actions;
  private final LinkedInSimulator linkedIn = scenario.linkedIn;

  @Test
  void shouldAnnounceAnAcceptedInvitationOnce() throws Exception {
    String accepted = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_INVITATION_ACCEPTED);
    Connected account = connect(LinkedInAccounts.defaults());
    UUID invitation = invite(account, "alan-turing");
    actions.await(account.identity(), invitation, "DONE");

    linkedIn.accept(account.email(), "alan-turing");
    clock.advance(PAST_A_CHECK);

    JsonPath listed = awaitListed(account.identity(), "ACCEPTED", invitation);
    assertEquals(
        "alan-turing", listed.getString("items[0].person.profileUrl").replaceAll(".*/", ""));
    JsonNode event = scenario.event(accepted, invitation);
    assertEquals(account.identity().toString(), event.path("data").path("identityId").asText());
    // a later check (it finds the invitation sent by hand meanwhile) announces nothing more
    linkedIn.inviteByHand(account.email(), "katherine-johnson", null);
    clock.advance(PAST_A_CHECK);
    awaitPending(account.identity(), 1);
    assertTrue(broker.noneContaining(accepted, invitation.toString(), Duration.ofMillis(500)));
  }

  @Test
  void shouldListPendingInvitationsWithThoseSentAndWithdrawnByHandOnLinkedIn() {
    Connected account = connect(LinkedInAccounts.defaults());
    UUID ours = invite(account, "margaret-hamilton");
    actions.await(account.identity(), ours, "DONE");
    linkedIn.inviteByHand(account.email(), "linus-torvalds", "Hi Linus");
    clock.advance(PAST_A_CHECK);

    JsonPath pending = awaitPending(account.identity(), 2);
    assertEquals(List.of(false, true), pending.getList("items.sentByHand"));
    assertEquals("Hi Linus", pending.getString("items[1].note"));
    assertEquals(
        2,
        api.request()
            .get("/api/linkedin/identities/{id}", account.identity())
            .then()
            .extract()
            .<Integer>path("usage.invitationsToday.used"),
        "LinkedIn's limits count the one sent by hand too");
    clock.advance(Duration.ofDays(3));
    assertEquals(3, pendingNow(account.identity()).getInt("items[0].ageDays"));

    linkedIn.withdrawByHand(account.email(), "linus-torvalds");
    clock.advance(PAST_A_CHECK);
    JsonPath left = awaitPending(account.identity(), 1);
    assertEquals(ours.toString(), left.getString("items[0].id"));
    assertEquals(1, list(account.identity(), "GONE").getInt("total"));
  }

  @Test
  void shouldWithdrawInBulkAndRefuseANewInvitationToThePersonForThreeWeeks() throws Exception {
    String withdrawn = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_INVITATION_WITHDRAWN);
    Connected account = connect(LinkedInAccounts.defaults());
    UUID pending = invite(account, "tim-berners-lee");
    actions.await(account.identity(), pending, "DONE");
    clock.advance(ActionsScenario.PAST_ANY_GAP);
    UUID acceptedOne = invite(account, "katherine-johnson");
    actions.await(account.identity(), acceptedOne, "DONE");
    linkedIn.accept(account.email(), "katherine-johnson");
    clock.advance(PAST_A_CHECK);
    awaitListed(account.identity(), "ACCEPTED", acceptedOne);
    UUID unknown = UUID.randomUUID();

    JsonPath answer =
        api.request()
            .body(Map.of("invitationIds", List.of(pending, acceptedOne, unknown)))
            .post("/api/linkedin/identities/{id}/invitations/withdrawals", account.identity())
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();

    assertEquals(List.of(pending.toString()), answer.getList("withdrawing.invitationId"));
    assertEquals(List.of(acceptedOne.toString()), answer.getList("alreadyGone.invitationId"));
    assertEquals(List.of("ACCEPTED"), answer.getList("alreadyGone.status"));
    assertEquals(List.of(unknown.toString()), answer.getList("refused.invitationId"));
    UUID withdrawal = UUID.fromString(answer.getString("withdrawing[0].actionId"));
    actions.runUntilDone(clock, account.identity(), List.of(withdrawal));
    assertEquals("DONE", actions.get(account.identity(), withdrawal).getString("status"));
    Instant withdrawnAt = clock.instant();
    assertEquals(
        Invitation.State.WITHDRAWN,
        linkedIn.invitations(account.email()).stream()
            .filter(i -> i.toSlug().equals("tim-berners-lee"))
            .findFirst()
            .orElseThrow()
            .state());
    JsonNode event = scenario.event(withdrawn, pending);
    assertEquals(
        withdrawnAt.plus(Duration.ofDays(21)).toString(),
        event.path("data").path("cooldownEndsAt").asText());

    UUID again = UUID.randomUUID();
    actions
        .post(
            account.identity(),
            again,
            EventTypes.LINKEDIN_INVITATION_SEND,
            ActionsApi.profile("tim-berners-lee"),
            Map.of())
        .statusCode(202);
    JsonPath refused = actions.get(account.identity(), again);
    assertEquals("COOLDOWN", refused.getString("failure.code"));
    assertEquals(
        withdrawnAt.plus(Duration.ofDays(21)).toString(), refused.getString("failure.until"));

    // asking again withdraws nothing more: the same invitation, the same withdrawal
    api.request()
        .body(Map.of("olderThanDays", 0))
        .post("/api/linkedin/identities/{id}/invitations/withdrawals", account.identity())
        .then()
        .statusCode(202)
        .body("withdrawing.size()", equalTo(0));
  }

  @Test
  void shouldRefuseAtOnceAnInvitationAskedWhileAWithdrawalToThePersonWaitsForItsSlot() {
    Connected account = connect(LinkedInAccounts.defaults());
    UUID first = invite(account, "dennis-ritchie");
    actions.await(account.identity(), first, "DONE");
    UUID withdrawal =
        UUID.fromString(
            api.request()
                .body(Map.of("invitationIds", List.of(first)))
                .post("/api/linkedin/identities/{id}/invitations/withdrawals", account.identity())
                .then()
                .statusCode(202)
                .extract()
                .path("withdrawing[0].actionId"));

    UUID again = invite(account, "dennis-ritchie"); // right away: the withdrawal waits its turn

    JsonPath refused = actions.get(account.identity(), again);
    assertEquals("FAILED", refused.getString("status"), "at once, without asking LinkedIn");
    assertEquals("COOLDOWN", refused.getString("failure.code"));
    JsonPath waiting = actions.get(account.identity(), withdrawal);
    assertEquals("QUEUED", waiting.getString("status"));
    Instant withdrawalSlot = Instant.parse(waiting.getString("notBefore"));
    assertTrue(withdrawalSlot.isAfter(clock.instant()), "paced after the invitation");
    assertEquals(
        withdrawalSlot.plus(Duration.ofDays(21)).toString(), refused.getString("failure.until"));

    actions.runUntilDone(clock, account.identity(), List.of(withdrawal));
    Instant withdrawnAt = clock.instant();
    UUID later = invite(account, "dennis-ritchie");
    JsonPath stillRefused = actions.get(account.identity(), later);
    assertEquals("FAILED", stillRefused.getString("status"));
    assertEquals(
        withdrawnAt.plus(Duration.ofDays(21)).toString(), stillRefused.getString("failure.until"));
    assertEquals(
        1,
        linkedIn.invitations(account.email()).stream()
            .filter(i -> i.toSlug().equals("dennis-ritchie"))
            .count(),
        "LinkedIn was asked for one invitation only");
  }

  @Test
  void shouldWithdrawAutomaticallyOnceOlderThanTheIdentitysDays() {
    Connected account = connect(LinkedInAccounts.defaults().withdrawingAfter(7));
    UUID invitation = invite(account, "dennis-ritchie");
    actions.await(account.identity(), invitation, "DONE");

    clock.advance(Duration.ofDays(6));
    clock.advance(PAST_A_CHECK); // checked, not yet old enough
    awaitPending(account.identity(), 1);
    clock.advance(Duration.ofDays(1));

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> list(account.identity(), "WITHDRAWN").getInt("total") == 1);
    assertEquals(Invitation.State.WITHDRAWN, linkedIn.invitations(account.email()).get(0).state());
  }

  @Test
  void shouldRefuseABadWithdrawalRequestWithAProblem() {
    Connected account = connect(LinkedInAccounts.defaults());
    api.request()
        .body(Map.of("invitationIds", List.of(UUID.randomUUID()), "olderThanDays", 3))
        .post("/api/linkedin/identities/{id}/invitations/withdrawals", account.identity())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("invitationIds"));
    api.request()
        .get("/api/linkedin/identities/{id}/invitations?status=LOST", account.identity())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  private UUID invite(Connected account, String person) {
    return actions.ask(
        account.identity(),
        EventTypes.LINKEDIN_INVITATION_SEND,
        ActionsApi.profile(person),
        Map.of());
  }

  private JsonPath awaitListed(UUID identity, String status, UUID invitation) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> list(identity, status),
            found -> found.getList("items.id").contains(invitation.toString()));
  }

  private JsonPath awaitPending(UUID identity, int count) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> pendingNow(identity), found -> found.getInt("total") == count);
  }

  private JsonPath pendingNow(UUID identity) {
    return list(identity, "PENDING");
  }

  private JsonPath list(UUID identity, String status) {
    return api.request()
        .get("/api/linkedin/identities/{id}/invitations?status=" + status, identity)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Connected connect(LinkedInAccounts.Settings settings) {
    return scenario.connect(
        settings.workingHours(IdentitySnapshots.alwaysWorking("Europe/Madrid")), false);
  }
}
