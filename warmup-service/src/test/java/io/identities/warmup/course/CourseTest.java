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
import io.identities.warmup.domain.WarmupCourse;
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
 * with its end moved; paused for 3 days when a fifth of its mail lands in spam; a pool address that
 * refuses mail taken out of the pool; completed on its last day, ready, or not ready after its one
 * extension; its reputation score from known placements.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class CourseTest {

  private static final Instant MONDAY = Instant.parse("2026-12-07T07:30:00Z");

  @Inject Events events;
  @Inject WarmupCourse course;
  @Inject Pool pool;

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
  void shouldTakeAnAddressThatRefusesWarmupMailOutOfThePoolUntilItIsReconnected() {
    Warming ada = warming("ada");
    Warming bob = warming("bob");
    assertTrue(inPool(bob));
    UUID email = email(ada, LocalDate.parse("2026-12-07"), bob);

    scenario.broker.publish(
        events,
        events.envelope(
            EventTypes.WARMUP_EMAIL_FAILED,
            ada.org(),
            email.toString(),
            new WarmupEmails.Failed(
                email,
                ada.inbox(),
                "550 5.1.1 user unknown",
                true,
                false,
                scenario.clock().instant())));
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> !inPool(bob));
    assertEquals("WARMING", view(ada).getString("state"), "the sender is not at fault");
    assertTrue(inPool(ada));

    inboxChanged(bob, "CONNECTED");
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> inPool(bob));
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
