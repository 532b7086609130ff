package io.identities.warmup.plan;

import static io.identities.warmup.support.WarmupApi.ORDERS;
import static io.identities.warmup.support.WarmupApi.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up exchange as warmup-service plans it, day by day on a movable clock: each warming
 * inbox's day planned once inside its identity's working hours at the ramp's target, partners only
 * in other organizations and domains, each email asked of email-gateway when due
 * (warmup.email.send), answers in the thread once an email has landed (seed inboxes answer too, and
 * start no thread), and the first email asked for ending the right to a refund.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class ExchangeTest {

  /** A Monday, before working hours (09:00 to 18:00 UTC, Monday to Friday). */
  private static final Instant MONDAY = Instant.parse("2026-12-07T07:30:00Z");

  /** The seed pool's organization in the tests' configuration. */
  private static final String SEEDS = "warmup-test-seeds";

  @Inject Events events;
  @Inject DayPlanner planner;
  @Inject DueEmails due;
  @Inject SeedAnswers seeds;

  @RegisterExtension final WarmupScenario scenario = new WarmupScenario(MONDAY);
  private final Map<UUID, JsonPath> commands = new HashMap<>();

  @Test
  void shouldExchangeWarmupMailAcrossOrganizationsInWorkingHoursAndAnswerInTheThread() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String alpha = Tokens.newOrganization();
    Warming ada = warming(alpha, "ada@alpha-" + run + ".example");
    Warming alan = warming(alpha, "alan@alan-" + run + ".example"); // the same organization
    String beta = Tokens.newOrganization();
    Warming bob = warming(beta, "bob@beta-" + run + ".example");
    Warming eve = warming(beta, "eve@alpha-" + run + ".example"); // ada's domain
    Warming carol = warming(Tokens.newOrganization(), "carol@gamma-" + run + ".example");
    List<Warming> all = List.of(ada, alan, bob, eve, carol);
    Map<UUID, Warming> byInbox = new HashMap<>();
    all.forEach(w -> byInbox.put(w.inbox(), w));
    String commandQueue = scenario.broker.listen(Exchanges.COMMANDS, EventTypes.WARMUP_EMAIL_SEND);

    planner.planDays();
    assertEquals(0, planner.planDays(), "a day is planned once");

    LocalDate monday = LocalDate.parse("2026-12-07");
    for (Warming w : all) {
      List<WarmupEmail> day = emailsOf(w.inbox(), monday);
      assertTrue(day.size() >= 4 && day.size() <= 6, "day 1: 5 ± 15 %, got " + day.size());
      Instant previous = null;
      for (WarmupEmail email : day) {
        assertTrue(
            !email.dueAt.isBefore(Instant.parse("2026-12-07T09:00:00Z"))
                && email.dueAt.isBefore(Instant.parse("2026-12-07T18:00:00Z")),
            "inside working hours: " + email.dueAt);
        assertTrue(
            previous == null || Duration.between(previous, email.dueAt).toMinutes() >= 8,
            "spread out, never in a burst");
        previous = email.dueAt;
        assertNotEquals(w.org(), email.recipientOrgId, "never within one organization");
      }
      JsonPath view = api(w.org()).get(WarmupApi.WARMUP, w.identity()).jsonPath();
      assertEquals(day.size(), view.getInt("inboxes[0].todayTarget"));
      assertEquals(0, view.getInt("inboxes[0].sentToday"));
    }
    assertTrue(
        emailsOf(ada.inbox(), monday).stream()
            .noneMatch(e -> e.recipientInboxId.equals(eve.inbox())),
        "never to an inbox of its own domain");

    due.sendDue();
    assertTrue(
        all.stream()
            .flatMap(w -> emailsOf(w.inbox(), monday).stream())
            .allMatch(e -> e.status == WarmupEmail.Status.PLANNED),
        "nothing is asked for before its time");
    scenario.clock().set(Instant.parse("2026-12-07T18:30:00Z"));
    while (due.sendDue() > 0) {
      // all of Monday's emails are due now
    }
    Map<UUID, JsonPath> sent = new HashMap<>();
    for (Warming w : all) {
      for (WarmupEmail email : emailsOf(w.inbox(), monday)) {
        JsonPath command = command(commandQueue, email.id);
        assertEquals(w.org(), command.getString("orgid"));
        assertEquals(w.inbox().toString(), command.getString("data.inboxId"));
        String recipient = command.getString("data.recipient");
        assertFalse(
            recipient.endsWith(w.address().substring(w.address().indexOf('@'))),
            "never its own domain: " + recipient);
        assertNull(command.getString("data.inReplyTo"), "Monday's emails start threads");
        sent.put(email.id, command);
      }
    }

    // email-gateway sends them, and each lands in its recipient's inbox
    sent.forEach(
        (email, command) -> {
          Warming sender = byInbox.get(UUID.fromString(command.getString("data.inboxId")));
          report(
              sender.org(),
              EventTypes.WARMUP_EMAIL_SENT,
              email,
              new WarmupEmails.Sent(
                  email,
                  sender.inbox(),
                  "<" + email + "@warm.example>",
                  Instant.parse("2026-12-07T18:31:00Z")));
          report(
              sender.org(),
              EventTypes.WARMUP_EMAIL_RECEIVED,
              email,
              new WarmupEmails.Received(
                  email, null, WarmupEmails.INBOX, Instant.parse("2026-12-07T18:32:00Z")));
        });
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInSameThread() // where the test's request context is
        .until(() -> sent.keySet().stream().allMatch(id -> email(id).landedAt != null));
    assertEquals(
        emailsOf(bob.inbox(), monday).size(),
        api(beta).get(WarmupApi.WARMUP, bob.identity()).jsonPath().getInt("inboxes[0].sentToday"));

    // Tuesday: the emails bob received are answered in their threads first
    scenario.clock().set(Instant.parse("2026-12-08T07:00:00Z"));
    planner.planDays();
    scenario.clock().set(Instant.parse("2026-12-08T18:30:00Z"));
    while (due.sendDue() > 0) {
      // all of Tuesday's emails are due now
    }
    List<WarmupEmail> owedToBob =
        sent.keySet().stream()
            .map(ExchangeTest::email)
            .filter(e -> e.recipientInboxId.equals(bob.inbox()))
            .toList();
    List<JsonPath> answers = new ArrayList<>();
    for (WarmupEmail email : emailsOf(bob.inbox(), LocalDate.parse("2026-12-08"))) {
      JsonPath command = command(commandQueue, email.id);
      if (command.getString("data.inReplyTo") != null) {
        answers.add(command);
      }
    }
    int tuesday = emailsOf(bob.inbox(), LocalDate.parse("2026-12-08")).size();
    assertFalse(owedToBob.isEmpty(), "bob was written to on Monday");
    assertEquals(Math.min(owedToBob.size(), tuesday), answers.size(), "owed answers come first");
    for (JsonPath answer : answers) {
      WarmupEmail answered =
          owedToBob.stream()
              .filter(e -> e.messageId.equals(answer.getString("data.inReplyTo")))
              .findFirst()
              .orElseThrow();
      assertEquals(answered.messageId, answer.getString("data.references"));
      assertTrue(answer.getString("data.subject").startsWith("Re: "));
      assertEquals(
          byInbox.get(answered.senderInboxId).address(),
          answer.getString("data.recipient"),
          "back to who wrote");
    }

    // ada's first warm-up email has gone: cancelling stops the warm-up without a refund
    assertCancelledWithoutRefund(ada);
  }

  @Test
  void shouldNotRefundACancellationOnceTheFirstWarmupEmailIsAskedFor() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Warming ada = warming(Tokens.newOrganization(), "ada@alpha-" + run + ".example");
    warming(Tokens.newOrganization(), "bob@beta-" + run + ".example"); // ada's partner
    String commandQueue = scenario.broker.listen(Exchanges.COMMANDS, EventTypes.WARMUP_EMAIL_SEND);
    planner.planDays();
    WarmupEmail first = emailsOf(ada.inbox(), LocalDate.parse("2026-12-07")).get(0);

    scenario.clock().set(first.dueAt);
    while (due.sendDue() > 0) {
      // ada's first email is among those due now
    }
    command(commandQueue, first.id); // asked of email-gateway, its warmup.email.sent not back yet

    assertCancelledWithoutRefund(ada);
  }

  @Test
  void shouldHaveASeedInboxAnswerTheWarmupMailItReceivesInItsThreadButStartNoThread() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Warming ada = warming(Tokens.newOrganization(), "ada@alpha-" + run + ".example");
    UUID seedIdentity =
        WarmupApi.identity(
            scenario.broker, events, SEEDS, IdentitySnapshots.of(UUID.randomUUID(), 0, "Seed"));
    UUID seed =
        WarmupApi.inbox(
            scenario.broker, events, SEEDS, seedIdentity, "seed@seeds-" + run + ".example");
    Instant now = scenario.clock().instant();
    WarmupEmail ripe = landedAtSeed(ada, seed, now.minus(Duration.ofHours(1)));
    WarmupEmail fresh = landedAtSeed(ada, seed, now.minus(Duration.ofMinutes(10)));
    String commandQueue = scenario.broker.listen(Exchanges.COMMANDS, EventTypes.WARMUP_EMAIL_SEND);

    seeds.answer();
    UUID answerId =
        Awaitility.await() // the seed answers, by this call or the scheduler's
            .atMost(Duration.ofSeconds(15))
            .pollInSameThread()
            .until(() -> email(ripe.id).repliedBy, id -> id != null);
    JsonPath answer = command(commandQueue, answerId);
    assertEquals(SEEDS, answer.getString("orgid"));
    assertEquals(seed.toString(), answer.getString("data.inboxId"));
    assertEquals(ada.address(), answer.getString("data.recipient"), "back to who wrote");
    assertEquals(ripe.messageId, answer.getString("data.inReplyTo"), "in its thread");
    assertEquals("Re: Quick question", answer.getString("data.subject"));
    assertEquals(2, email(answerId).threadDepth);

    seeds.answer();
    assertNull(email(fresh.id).repliedBy, "landed 10 minutes ago: not yet");
    scenario.clock().advance(Duration.ofMinutes(40));
    seeds.answer();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInSameThread()
        .until(() -> email(fresh.id).repliedBy != null);
    assertEquals(
        0L,
        QuarkusTransaction.requiringNew()
            .call(() -> WarmupEmail.count("senderInboxId = ?1 and answersId is null", seed)),
        "a seed starts no thread");
  }

  /** An email of the warming inbox to the seed inbox, landed then and wanting an answer. */
  private static WarmupEmail landedAtSeed(Warming sender, UUID seed, Instant landedAt) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              WarmupEmail email = new WarmupEmail();
              email.id = UUID.randomUUID();
              email.orgId = sender.org();
              email.orderId = UUID.fromString(sender.order());
              email.senderInboxId = sender.inbox();
              email.day = LocalDate.ofInstant(landedAt, ZoneOffset.UTC);
              email.dueAt = landedAt.minusSeconds(60);
              email.status = WarmupEmail.Status.SENT;
              email.recipientInboxId = seed;
              email.recipientOrgId = SEEDS;
              email.subject = "Quick question";
              email.replyWanted = true;
              email.messageId = "<" + email.id + "@warm.example>";
              email.placement = WarmupEmails.INBOX;
              email.landedAt = landedAt;
              email.persist();
              return email;
            });
  }

  private Warming warming(String org, String address) {
    return scenario.warming(org, address);
  }

  private void report(String org, String type, UUID email, Object data) {
    scenario.broker.publish(events, events.envelope(type, org, email.toString(), data));
  }

  /** The warmup.email.send command of the email, once the outbox has relayed it. */
  private JsonPath command(String queue, UUID email) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              for (var r = scenario.broker.poll(queue);
                  r != null;
                  r = scenario.broker.poll(queue)) {
                JsonPath command = JsonPath.from(BrokerProbe.body(r));
                commands.put(UUID.fromString(command.getString("data.emailId")), command);
              }
              return commands.get(email);
            },
            command -> command != null);
  }

  private static List<WarmupEmail> emailsOf(UUID inbox, LocalDate day) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                WarmupEmail.<WarmupEmail>list(
                    "senderInboxId = ?1 and day = ?2 order by dueAt", inbox, day));
  }

  private static WarmupEmail email(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> WarmupEmail.findById(id));
  }

  /** Cancels the warm-up, which has started: it stops, and nothing is refunded. */
  private void assertCancelledWithoutRefund(Warming warming) {
    api(warming.org())
        .post(ORDERS + "/{order}/cancellation", warming.identity(), warming.order())
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"))
        .body("reason", equalTo("cancelled after the warm-up started: not refunded"))
        .body("refundPending", equalTo(false));
  }
}
