package io.identities.warmup.course;

import static io.identities.warmup.support.WarmupApi.api;
import static io.identities.warmup.support.WarmupApi.awaitState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.InboxSentByHand;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.domain.WarmupCourse;
import io.identities.warmup.plan.DayPlanner;
import io.identities.warmup.plan.Pool;
import io.identities.warmup.plan.WarmupEmail;
import io.identities.warmup.support.StripeSimulatorResource;
import io.identities.warmup.support.WarmupApi;
import io.identities.warmup.support.WarmupApi.Warming;
import io.identities.warmup.support.WarmupScenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A paid warm-up's course on a movable clock: paused while its inbox refuses its login and resumed
 * with its end moved; paused for 3 days when a fifth of its mail lands in spam, visibly whenever
 * the planner finds it so, and planned again after it counting only the spam since; a pool address
 * that refuses mail taken out of the pool (at send time or by a later delivery report) at no cost
 * to the sender's score, which counts only refusals of the sender itself; completed on its last
 * day, ready, or not ready after its one extension; its reputation score from known placements.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class CourseTest {

  private static final Instant MONDAY = Instant.parse("2026-12-07T07:30:00Z");

  @Inject Events events;
  @Inject WarmupCourse course;
  @Inject Pool pool;
  @Inject DayPlanner planner;
  @Inject WarmupConfig config;

  @RegisterExtension final WarmupScenario scenario = new WarmupScenario(MONDAY);
  private final String org = Tokens.newOrganization();

  @Test
  void shouldPauseWhileTheInboxRefusesItsLoginAndResumeWithItsEndMoved() {
    String changes = scenario.broker.listen(Exchanges.EVENTS, "warmup.*");
    Warming ada = warming("ada");
    Instant endsAt = Instant.parse(view(ada).getString("endsAt"));

    scenario.clock().advance(Duration.ofHours(1));
    inboxChanged(ada, "PAUSED");
    JsonPath paused = awaitState(org, ada.identity(), "PAUSED");
    assertEquals(
        ada.address()
            + " was paused by email-gateway (its login refused, or too many of its emails"
            + " bounced): the warm-up waits until it is reconnected",
        paused.getString("reason"));
    assertEquals("warmup.paused", type(changes, ada.order(), "PAUSED"));

    scenario.clock().advance(Duration.ofDays(2));
    inboxChanged(ada, "CONNECTED");
    JsonPath resumed = awaitState(org, ada.identity(), "WARMING");
    assertEquals(endsAt.plus(Duration.ofDays(2)), Instant.parse(resumed.getString("endsAt")));
    assertEquals(1, resumed.getInt("day"), "Wednesday, two days of it paused: still day 1");
    assertEquals("warmup.resumed", type(changes, ada.order(), "WARMING"));
  }

  @Test
  void shouldPauseWhileNoInboxIsConnectedAndResumeWhenOneIs() {
    String changes = scenario.broker.listen(Exchanges.EVENTS, "warmup.*");
    Warming ada = warming("ada");

    inboxChanged(ada, "DISCONNECTED");
    JsonPath paused = awaitState(org, ada.identity(), "PAUSED");
    assertEquals(
        "no inbox is connected: the warm-up waits until one is reconnected",
        paused.getString("reason"));
    assertEquals("warmup.paused", type(changes, ada.order(), "PAUSED"));

    inboxChanged(ada, "CONNECTED");
    awaitState(org, ada.identity(), "WARMING");
    assertEquals("warmup.resumed", type(changes, ada.order(), "WARMING"));
  }

  @Test
  void shouldPauseForThreeDaysWhenAFifthOfItsMailLandsInSpam() {
    Warming ada = warming("ada");
    LocalDate today = LocalDate.parse("2026-12-07");
    placements(ada, today, 16, 3); // 19 landed, 3 in spam
    UUID last = email(ada, today, null);
    scenario.clock().advance(Duration.ofHours(2));

    scenario.broker.publish(
        events,
        events.envelope(
            EventTypes.WARMUP_EMAIL_RECEIVED,
            org,
            last.toString(),
            new WarmupEmails.Received(last, null, WarmupEmails.SPAM, scenario.clock().instant())));
    JsonPath paused = awaitState(org, ada.identity(), "PAUSED");
    assertEquals(
        "20 % of "
            + ada.address()
            + "'s warm-up emails landed in spam over 7 days: paused for 3 days to protect it",
        paused.getString("reason"));
    assertEquals(80, paused.getInt("inboxes[0].inboxPlacement"));

    scenario.clock().advance(Duration.ofDays(3).minusMinutes(1));
    course.advance();
    assertEquals("PAUSED", view(ada).getString("state"), "not before 3 days");
    scenario.clock().advance(Duration.ofMinutes(1));
    course.advance();
    assertEquals("WARMING", view(ada).getString("state"));
  }

  @Test
  void shouldPlanHalfTheRampsVolumeOnceFifteenPercentOfItsMailLandsInSpam() {
    Warming ada = warmingWithAPartner("ada");
    placements(ada, LocalDate.parse("2026-12-07"), 17, 3); // 15 % in spam on Monday
    scenario.clock().set(Instant.parse("2026-12-08T09:30:00Z"));
    int day = view(ada).getInt("day");
    int ramp = config.ramp().target(ada.inbox(), LocalDate.parse("2026-12-08"), day);

    planner.planDays();
    JsonPath slowed = view(ada);
    assertEquals("WARMING", slowed.getString("state"));
    int planned = emailsOn(ada, LocalDate.parse("2026-12-08"));
    assertEquals(Math.round(ramp * 0.5), planned, "half of the ramp's " + ramp);
    assertEquals(planned, slowed.getInt("inboxes[0].todayTarget"));
  }

  @Test
  void shouldPlanTheDayAfterAPauseForSpamEndsCountingOnlyTheSpamSinceTheResume() {
    Warming ada = warmingWithAPartner("ada");
    placements(ada, LocalDate.parse("2026-12-07"), 16, 4); // 20 % in spam on Monday
    scenario.clock().set(Instant.parse("2026-12-08T09:30:00Z"));
    planner.planDays();
    assertEquals("PAUSED", view(ada).getString("state"), "Tuesday's plan finds it so");

    scenario.clock().advance(Duration.ofDays(3)); // Friday: Monday's spam has had its effect
    course.advance();
    planner.planDays();
    JsonPath resumed = view(ada);
    assertEquals("WARMING", resumed.getString("state"));
    int planned = emailsOn(ada, LocalDate.parse("2026-12-11"));
    assertTrue(planned >= 4, "day 1 of the ramp again, planned: " + planned);
    assertEquals(planned, resumed.getInt("inboxes[0].todayTarget"));
  }

  @Test
  void shouldPauseVisiblyWhenSpamCountedWhileItWaitedForItsInboxCrossesTheLine() {
    Warming ada = warming("ada");
    placements(ada, LocalDate.parse("2026-12-07"), 16, 3);
    UUID last = email(ada, LocalDate.parse("2026-12-07"), null);
    scenario.clock().advance(Duration.ofHours(1));
    inboxChanged(ada, "PAUSED");
    awaitState(org, ada.identity(), "PAUSED");
    scenario.broker.publish( // the fifth of its mail in spam, while it could not pause for it
        events,
        events.envelope(
            EventTypes.WARMUP_EMAIL_RECEIVED,
            org,
            last.toString(),
            new WarmupEmails.Received(last, null, WarmupEmails.SPAM, scenario.clock().instant())));
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> landed(last));
    inboxChanged(ada, "CONNECTED");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> view(ada).getString("reason") == null || pausedForSpam(ada));

    scenario.clock().set(Instant.parse("2026-12-08T09:30:00Z"));
    planner.planDays();
    JsonPath paused = view(ada);
    assertEquals("PAUSED", paused.getString("state"), "not a warm-up that silently sends nothing");
    assertEquals(
        "20 % of "
            + ada.address()
            + "'s warm-up emails landed in spam over 7 days: paused for 3 days to protect it",
        paused.getString("reason"));
    assertEquals(0, paused.getInt("inboxes[0].todayTarget"));
    assertEquals(0, emailsOn(ada, LocalDate.parse("2026-12-08")), "nothing planned");
  }

  private boolean pausedForSpam(Warming warming) {
    return view(warming).getString("reason").contains("landed in spam");
  }

  @Test
  void shouldTakeAnAddressThatRefusesWarmupMailOutOfThePoolUntilItIsReconnected() {
    Warming ada = warming("ada");
    Warming bob = warming("bob");
    assertTrue(inPool(bob));
    UUID email = email(ada, LocalDate.parse("2026-12-07"), bob);

    failed(ada, email, "550 5.1.1 user unknown", true, false);
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> !inPool(bob));
    assertEquals("WARMING", view(ada).getString("state"), "the sender is not at fault");
    assertTrue(inPool(ada));

    inboxChanged(bob, "CONNECTED");
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> inPool(bob));
  }

  @Test
  void shouldCountTheSendersOwnRefusalsAgainstItsScoreButNotAPoolAddressThatIsGone() {
    Warming ada = warming("ada");
    Warming bob =
        scenario.warming(Tokens.newOrganization(), "bob@" + UUID.randomUUID() + ".example");
    LocalDate wednesday = LocalDate.parse("2026-12-09");
    for (LocalDate day = wednesday.minusDays(2); !day.isAfter(wednesday); day = day.plusDays(1)) {
      placements(ada, day, 30, 0);
    }
    scenario.clock().set(Instant.parse("2026-12-09T10:00:00Z"));
    assertEquals(100, view(ada).getInt("inboxes[0].reputation"));

    UUID toBob = email(ada, wednesday, bob);
    QuarkusTransaction.requiringNew() // sent; then a delivery report says bob's mailbox is gone
        .run(() -> WarmupEmail.<WarmupEmail>findById(toBob).status = WarmupEmail.Status.SENT);
    failed(ada, toBob, "reported: 5.1.1 smtp; 550 5.1.1 user unknown", true, false);
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> !inPool(bob));
    assertEquals(100, view(ada).getInt("inboxes[0].reputation"), "the pool address is at fault");

    UUID spam = email(ada, wednesday, null);
    failed(ada, spam, "554 5.7.1 Message rejected as spam", false, true);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> view(ada).getInt("inboxes[0].reputation") == 99); // 1 of 91 refused
    assertTrue(inPool(ada), "a sender refused for its own sake stays in the pool");
  }

  @Test
  void shouldCompleteAReadyWarmupAndExtendANotReadyOneOnceThenCompleteIt() {
    String changes = scenario.broker.listen(Exchanges.EVENTS, "warmup.*");
    Warming ready = warming("ready");
    Warming spammed = warming("spammed");
    for (int day = 0; day < 21; day++) {
      LocalDate date = LocalDate.parse("2026-12-07").plusDays(day);
      placements(ready, date, 30, 0);
      placements(spammed, date, 25, 5);
    }
    JsonPath scored = view(ready);
    Instant endsAt = Instant.parse(scored.getString("endsAt"));
    scenario.clock().set(endsAt.minusSeconds(60));
    JsonPath lastDay = view(spammed);
    assertEquals(21, lastDay.getInt("day"));
    assertEquals(83, lastDay.getInt("inboxes[0].reputation"), "25 of 30 in the inbox each day");
    assertEquals(22, lastDay.getList("inboxes[0].history").size(), "from the day of payment");
    assertNull(lastDay.get("inboxes[0].history[1].score"), "day 2: too early");
    assertEquals(83, lastDay.getInt("inboxes[0].history[2].score"));

    scenario.clock().set(endsAt.plusSeconds(60));
    course.advance();
    JsonPath completed = view(ready);
    assertEquals("COMPLETED", completed.getString("state"));
    assertTrue(completed.getBoolean("ready"));
    assertEquals("warmup.completed", type(changes, ready.order(), "COMPLETED"));
    JsonPath extended = view(spammed);
    assertEquals("WARMING", extended.getString("state"));
    assertEquals(28, extended.getInt("days"));
    assertEquals(
        "not ready on its last day ("
            + spammed.address()
            + " scores 83, 80 needed, 83 % in the inbox over 7 days): extended once by 7 days",
        extended.getString("reason"));
    assertEquals("warmup.extended", type(changes, spammed.order(), "WARMING"));

    scenario.clock().set(Instant.parse(extended.getString("endsAt")).plusSeconds(60));
    course.advance();
    JsonPath notReady = view(spammed);
    assertEquals("COMPLETED", notReady.getString("state"));
    assertFalse(notReady.getBoolean("ready"));
    assertTrue(notReady.getString("reason").startsWith("completed without being ready"));
  }

  @Test
  void shouldWarnOfMailSentByHandFromItsInboxesWhileItRuns() {
    Warming ada = warming("ada");
    for (int count : new int[] {1, 2}) {
      scenario.broker.publish(
          events,
          events.envelope(
              EventTypes.EMAIL_INBOX_SENT_BY_HAND,
              org,
              ada.inbox().toString(),
              new InboxSentByHand(ada.identity(), ada.inbox(), ada.address(), count)));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                (3
                        + " emails were sent by hand from "
                        + ada.address()
                        + " during the warm-up (seen in its Sent folder): other mail weakens the"
                        + " warm-up, send none until it ends")
                    .equals(view(ada).getString("warning")));
    assertEquals("WARMING", view(ada).getString("state"), "a warning, not a stop");
  }

  /** An inbox warming with another organization's, so its days have a partner to write to. */
  private Warming warmingWithAPartner(String name) {
    Warming warming = warming(name);
    scenario.warming(Tokens.newOrganization(), "bob@" + UUID.randomUUID() + ".example");
    return warming;
  }

  private Warming warming(String name) {
    return scenario.warming(org, name + "@" + UUID.randomUUID() + ".example");
  }

  private JsonPath view(Warming warming) {
    return api(warming.org()).get(WarmupApi.WARMUP, warming.identity()).jsonPath();
  }

  private void inboxChanged(Warming warming, String status) {
    scenario.broker.publish(
        events,
        events.envelope(
            "CONNECTED".equals(status)
                ? EventTypes.EMAIL_INBOX_CONNECTED
                : EventTypes.EMAIL_INBOX_DISCONNECTED,
            warming.org(),
            warming.inbox().toString(),
            new InboxConnectionChanged(
                warming.identity(),
                warming.inbox(),
                warming.address(),
                status,
                "CONNECTED".equals(status) ? 1 : 0,
                System.nanoTime())));
  }

  /** email-gateway's word that the sender's email failed, and whom the refusal was about. */
  private void failed(
      Warming sender, UUID email, String reason, boolean recipientRefused, boolean senderRefused) {
    scenario.broker.publish(
        events,
        events.envelope(
            EventTypes.WARMUP_EMAIL_FAILED,
            sender.org(),
            email.toString(),
            new WarmupEmails.Failed(
                email,
                sender.inbox(),
                reason,
                recipientRefused,
                senderRefused,
                scenario.clock().instant())));
  }

  /** The type of the next warmup.* event about the order in that state. */
  private String type(String queue, String order, String state) {
    while (true) {
      JsonPath event =
          JsonPath.from(
              BrokerProbe.body(
                  scenario.broker.nextContaining(queue, order, Duration.ofSeconds(15))));
      if (state.equals(event.getString("data.state"))) {
        return event.getString("type");
      }
    }
  }

  private static boolean landed(UUID email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> WarmupEmail.<WarmupEmail>findById(email).landedAt != null);
  }

  /** How many warm-up emails of the inbox that day, planned or sent. */
  private static int emailsOn(Warming warming, LocalDate day) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> (int) WarmupEmail.count("senderInboxId = ?1 and day = ?2", warming.inbox(), day));
  }

  private boolean inPool(Warming warming) {
    return QuarkusTransaction.requiringNew().call(() -> pool.member(warming.inbox()).isPresent());
  }

  /** Emails of the inbox on that day, already landed: so many in the inbox, so many in spam. */
  private void placements(Warming warming, LocalDate day, int inbox, int spam) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (int i = 0; i < inbox + spam; i++) {
                WarmupEmail email = newEmail(warming, day, null);
                email.status = WarmupEmail.Status.SENT;
                email.placement = i < inbox ? WarmupEmails.INBOX : WarmupEmails.SPAM;
                email.landedAt = email.dueAt.plusSeconds(60);
                email.persist();
              }
            });
  }

  /** An email of the inbox asked of email-gateway, not yet heard of. */
  private UUID email(Warming warming, LocalDate day, Warming recipient) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              WarmupEmail email = newEmail(warming, day, recipient);
              email.status = WarmupEmail.Status.REQUESTED;
              email.persist();
              return email.id;
            });
  }

  private static WarmupEmail newEmail(Warming warming, LocalDate day, Warming recipient) {
    WarmupEmail email = new WarmupEmail();
    email.id = UUID.randomUUID();
    email.orgId = warming.org();
    email.orderId = UUID.fromString(warming.order());
    email.senderInboxId = warming.inbox();
    email.day = day;
    email.dueAt = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    email.recipientInboxId = recipient == null ? UUID.randomUUID() : recipient.inbox();
    email.recipientOrgId = recipient == null ? "another-org" : recipient.org();
    email.messageId = "<" + email.id + "@warm.example>";
    return email;
  }
}
