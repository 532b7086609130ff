package io.identities.linkedin.actions;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.schedule.WorkingHours;
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
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Limits, working hours and pacing with a movable clock: never more than a limit, never early,
 * never outside working hours, never two actions of one account closer than the minimum gap.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class LinkedInLimitsTest {

  private static final Instant MONDAY_10_MADRID = ActionsScenario.MONDAY_10_MADRID;
  private static final Duration MINIMUM_GAP = Duration.ofMinutes(2);

  @Inject TestClock clock;

  @RegisterExtension final ActionsScenario scenario = new ActionsScenario();
  private final BrokerProbe broker = scenario.broker;
  private final LinkedInApi api = scenario.api;
  private final ActionsApi actions = scenario.actions;
  private final LinkedInSimulator linkedIn = scenario.linkedIn;

  @Test
  void shouldWaitWithTheInvitationOverTheDailyLimitForTheNextWorkingWindow() {
    Connected account = connect(LinkedInAccounts.defaults().withInvitations(2));
    List<UUID> invitations = new ArrayList<>();
    for (String person : List.of("alan-turing", "linus-torvalds", "margaret-hamilton")) {
      invitations.add(
          actions.ask(
              account.identity(),
              EventTypes.LINKEDIN_INVITATION_SEND,
              ActionsApi.profile(person),
              Map.of()));
    }

    runUntilDone(account.identity(), invitations.subList(0, 2));
    JsonPath third = actions.get(account.identity(), invitations.get(2));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until( // no reason while it is being decided
            () ->
                String.valueOf(
                        actions.get(account.identity(), invitations.get(2)).getString("reason"))
                    .contains("limit of 2 invitations"));
    third = actions.get(account.identity(), invitations.get(2));
    assertEquals("QUEUED", third.getString("status"));
    assertEquals("2027-01-05T08:00:00Z", third.getString("notBefore"), "Tuesday 09:00 in Madrid");
    assertEquals(2, linkedIn.invitations(account.email()).size());
    JsonPath usage = identity(account.identity());
    assertEquals(2, usage.getInt("usage.invitationsToday.used"));
    assertEquals(2, usage.getInt("usage.invitationsToday.limit"));
    assertEquals("2027-01-05T08:00:00Z", usage.getString("usage.nextSlot.invitation"));

    clock.set(Instant.parse("2027-01-05T08:00:00Z"));
    JsonPath done = actions.await(account.identity(), invitations.get(2), "DONE");
    assertEquals("2027-01-05T08:00:00Z", done.getString("startedAt"), "at its slot, not before");
    assertEquals(3, linkedIn.invitations(account.email()).size());
  }

  @Test
  void shouldKeepTheMinimumGapBetweenTwoActionsOfAnAccount() {
    Connected account = connect(LinkedInAccounts.defaults().workingHours(always()));
    List<UUID> visits = new ArrayList<>();
    for (String person : List.of("alan-turing", "linus-torvalds", "margaret-hamilton")) {
      visits.add(
          actions.ask(
              account.identity(),
              EventTypes.LINKEDIN_PROFILE_VISIT,
              ActionsApi.profile(person),
              Map.of()));
    }

    runUntilDone(account.identity(), visits);

    List<Instant> started =
        visits.stream()
            .map(
                visit ->
                    Instant.parse(actions.get(account.identity(), visit).getString("startedAt")))
            .sorted()
            .toList();
    for (int i = 1; i < started.size(); i++) {
      Duration gap = Duration.between(started.get(i - 1), started.get(i));
      assertTrue(gap.compareTo(MINIMUM_GAP) >= 0, "actions " + gap + " apart");
    }
  }

  @Test
  void shouldNeverRunAnActionOutsideWorkingHoursAcrossADaylightSavingChange() {
    Connected account = connect(LinkedInAccounts.defaults());
    clock.set(Instant.parse("2027-03-26T16:55:00Z")); // Friday 17:55 CET, before the spring change
    List<UUID> visits = new ArrayList<>();
    for (String person : List.of("alan-turing", "linus-torvalds", "margaret-hamilton")) {
      visits.add(
          actions.ask(
              account.identity(),
              EventTypes.LINKEDIN_PROFILE_VISIT,
              ActionsApi.profile(person),
              Map.of()));
    }

    runUntilDone(account.identity(), visits);

    WorkingHours hours = WorkingHours.standard("Europe/Madrid");
    for (UUID visit : visits) {
      Instant started =
          Instant.parse(actions.get(account.identity(), visit).getString("startedAt"));
      assertTrue(hours.windowAt(started).orElseThrow().active(), started + " is outside 09-18");
    }
    Instant last =
        visits.stream()
            .map(
                visit ->
                    Instant.parse(actions.get(account.identity(), visit).getString("startedAt")))
            .max(Instant::compareTo)
            .orElseThrow();
    assertTrue(
        !last.isBefore(Instant.parse("2027-03-29T07:00:00Z")),
        "some waited for Monday 09:00 CEST: " + last);
  }

  @Test
  void shouldNeverExceedTheLimitWhenWorkersRaceForTheLastSlots() {
    Connected account =
        connect(LinkedInAccounts.defaults().withInvitations(5).workingHours(always()));
    List<UUID> invitations = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      invitations.add(
          actions.ask(
              account.identity(),
              EventTypes.LINKEDIN_INVITATION_SEND,
              ActionsApi.profile("lead-racer-" + i),
              Map.of()));
    }

    for (int round = 0; round < 12; round++) {
      clock.advance(Duration.ofMinutes(20));
      Awaitility.await()
          .pollDelay(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(5))
          .until(() -> true);
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count(account.identity(), invitations, "DONE") == 5);
    assertEquals(7, count(account.identity(), invitations, "QUEUED"));
    assertEquals(5, linkedIn.invitations(account.email()).size());
  }

  @Test
  void shouldShareTheOrganizationsScrapingPoolBetweenItsSalesNavigatorIdentities()
      throws Exception {
    String visited = scenario.broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_PROFILE_VISITED);
    api.request()
        .body(Map.of("dailyScrapings", 2))
        .put("/api/linkedin/scraping-pool")
        .then()
        .statusCode(200)
        .body("dailyScrapings", equalTo(2));
    LinkedInAccounts.Settings oneOwn =
        LinkedInAccounts.defaults().withScrapings(1).workingHours(always());
    Connected first = scenario.connect(oneOwn, true);
    Connected second = scenario.connect(oneOwn, true);
    List<UUID> firstVisits = new ArrayList<>();
    List<UUID> secondVisits = new ArrayList<>();
    for (String person : List.of("alan-turing", "linus-torvalds", "margaret-hamilton")) {
      firstVisits.add(visit(first, person));
      secondVisits.add(visit(second, person));
    }

    Instant beforeMidnight = Instant.parse("2027-01-04T22:59:00Z"); // midnight in Madrid: 23:00Z
    actions.runUntil(clock, first.identity(), firstVisits, beforeMidnight);
    actions.runUntil(clock, second.identity(), secondVisits, beforeMidnight);
    actions.runUntil(clock, first.identity(), firstVisits, beforeMidnight);

    long done =
        count(first.identity(), firstVisits, "DONE")
            + count(second.identity(), secondVisits, "DONE");
    assertEquals(4, done, "one own scraping each and the pool's two");
    assertEquals(
        4,
        linkedIn.leadViews(first.email()) + linkedIn.leadViews(second.email()),
        "each visit read in Sales Navigator");
    JsonPath usage = identity(first.identity());
    assertEquals(2, usage.getInt("usage.scrapings.organizationPool.limit"));
    assertEquals(2, usage.getInt("usage.scrapings.organizationPool.used"));
    assertEquals(1, usage.getInt("usage.scrapings.own.used"));
    assertTrue(
        scenario.event(visited, firstVisits.get(0)).path("data").path("scraping").asBoolean());
    api.request()
        .body(Map.of("dailyScrapings", -1))
        .put("/api/linkedin/scraping-pool")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dailyScrapings"));
  }

  private UUID visit(Connected account, String person) {
    return actions.ask(
        account.identity(),
        EventTypes.LINKEDIN_PROFILE_VISIT,
        ActionsApi.profile(person),
        Map.of());
  }

  private void runUntilDone(UUID identity, List<UUID> ids) {
    actions.runUntilDone(clock, identity, ids);
    assertEquals(ids.size(), count(identity, ids, "DONE"));
  }

  private long count(UUID identity, List<UUID> ids, String status) {
    return ids.stream()
        .filter(id -> status.equals(actions.get(identity, id).getString("status")))
        .count();
  }

  private JsonPath identity(UUID identity) {
    return api.request()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Connected connect(LinkedInAccounts.Settings settings) {
    return scenario.connect(settings, false);
  }

  private static WorkingHours always() {
    return IdentitySnapshots.alwaysWorking("Europe/Madrid");
  }
}
