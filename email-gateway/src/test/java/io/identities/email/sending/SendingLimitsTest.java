package io.identities.email.sending;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.identity;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sendState;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-inbox limits and working hours: a send that would break them is deferred to its next
 * slot, never dropped and never sent early (the gateway's clock is moved instead of waited for).
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class SendingLimitsTest {

  /** A Wednesday, mid-morning UTC. */
  private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

  @Inject Events events;
  @Inject TestClock clock;

  @RegisterExtension final Scenario scenario = new Scenario();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void shouldDeferPastTheHourlyThenTheDailyLimitAndSendAtTheSlotNotBefore() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 3, 2, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("limited"));
    String lead = scenario.recipient("limited");
    List<UUID> sends = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i)));
    }

    awaitStatus(scenario.org, identity, sends.get(0), "SENT");
    awaitStatus(scenario.org, identity, sends.get(1), "SENT");
    Instant hourLater = WEDNESDAY.plus(Duration.ofHours(1));
    for (UUID deferred : sends.subList(2, 4)) {
      JsonPath state = awaitNotBefore(identity, deferred, hourLater);
      assertEquals("QUEUED", state.getString("status"));
      assertTrue(
          state.getString("statusReason").contains("limits"), state.getString("statusReason"));
    }
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("sentToday", contains(2))
        .body("sentThisHour", contains(2))
        .body("hourlyLimit", contains(2))
        .body("nextSlot", contains(hourLater.toString()));

    clock.set(hourLater.minusSeconds(1));
    stillQueued(identity, sends.get(2));
    assertEquals(2, scenario.mail().messages(lead).size(), "nothing sent before the slot");

    clock.set(hourLater);
    awaitStatus(scenario.org, identity, sends.get(2), "SENT");
    Instant tomorrow = Instant.parse("2026-12-03T00:00:00Z");
    awaitNotBefore(identity, sends.get(3), tomorrow);
    stillQueued(identity, sends.get(3));

    clock.set(tomorrow);
    awaitStatus(scenario.org, identity, sends.get(3), "SENT");
    assertEquals(4, scenario.mail().messages(lead).size());
  }

  @Test
  void shouldWaitForTheIdentitysWorkingHours() {
    clock.set(Instant.parse("2026-12-05T12:00:00Z")); // a Saturday
    IdentitySnapshot snapshot =
        IdentitySnapshots.withEmail(
            UUID.randomUUID(),
            0,
            "Office hours",
            new IdentitySnapshot.EmailSettings(30, 5, null, null),
            WorkingHours.standard("Europe/Madrid"));
    UUID identity = identity(scenario.broker, events, scenario.org, snapshot);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("office"));
    String lead = scenario.recipient("office");

    UUID send =
        queued(
            scenario.org, identity, email(UUID.randomUUID(), scenario.campaign, 1, lead, "Monday"));
    Instant mondayNineInMadrid = Instant.parse("2026-12-07T08:00:00Z");
    JsonPath state = awaitNotBefore(identity, send, mondayNineInMadrid);
    assertTrue(state.getString("statusReason").contains("working hours"));

    clock.set(mondayNineInMadrid.minusSeconds(1));
    stillQueued(identity, send);
    clock.set(mondayNineInMadrid);
    awaitStatus(scenario.org, identity, send, "SENT");
  }

  @Test
  void shouldSendFollowUpsBeforeFirstEmailsToNewLeads() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 1, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("priority"));
    String recipient = scenario.recipient("priority");
    UUID leadA = UUID.randomUUID();
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(leadA, scenario.campaign, 1, recipient, "A1")),
        "SENT");

    Instant hourLater = WEDNESDAY.plus(Duration.ofHours(1));
    UUID firstOfB =
        queued(
            scenario.org,
            identity,
            email(UUID.randomUUID(), scenario.campaign, 1, recipient, "B1"));
    awaitNotBefore(identity, firstOfB, hourLater);
    UUID followUpOfA =
        queued(scenario.org, identity, email(leadA, scenario.campaign, 2, recipient, "A2"));
    awaitNotBefore(identity, followUpOfA, hourLater);

    clock.set(hourLater);
    awaitStatus(scenario.org, identity, followUpOfA, "SENT");
    awaitNotBefore(identity, firstOfB, hourLater.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldKeepEveryInboxWithinItsLimitsWithConcurrentConsumersTakingManySendsAtOnce()
      throws Exception {
    clock.set(WEDNESDAY);
    int hourly = 3;
    UUID identity = sender(scenario.broker, events, scenario.org, 30, hourly, null, null);
    List<String> inboxes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inboxes.add(scenario.address("busy" + i));
      inbox(scenario.mail(), scenario.org, identity, inboxes.get(i));
    }
    String recipient = scenario.recipient("busy");
    int sends = 60;
    for (int i = 0; i < sends; i++) {
      SendEmail command =
          new SendEmail(
              identity,
              UUID.randomUUID(),
              scenario.campaign,
              1,
              recipient,
              "Busy " + i,
              null,
              "Hi",
              false,
              null);
      scenario.broker.publish(
          Exchanges.COMMANDS,
          EventTypes.EMAIL_SEND,
          events.write(
              events.envelope(EventTypes.EMAIL_SEND, scenario.org, identity.toString(), command)));
    }

    int capacity = hourly * inboxes.size();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> scenario.mail().messages(recipient).size() >= capacity);
    Awaitility.await()
        .pollDelay(Duration.ofSeconds(3))
        .until(() -> true); // anything extra would land now
    List<MimeMessage> received = scenario.mail().messages(recipient);
    assertEquals(capacity, received.size(), "exactly the inboxes' hourly capacity went out");
    Map<String, Integer> perInbox = new HashMap<>();
    for (MimeMessage message : received) {
      String from = message.getFrom()[0].toString();
      perInbox.merge(from.substring(from.indexOf('<') + 1, from.indexOf('>')), 1, Integer::sum);
    }
    assertEquals(inboxes.size(), perInbox.size(), perInbox.toString());
    perInbox.values().forEach(count -> assertEquals(hourly, count, perInbox.toString()));
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("sentThisHour", contains(3, 3, 3, 3, 3));
  }

  @Test
  void shouldSendTheWaitingSendsAtOnceWhenTheLimitsAreRaised() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 3, 2, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("raised"));
    String lead = scenario.recipient("raised");
    List<UUID> sends = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i)));
    }
    Instant hourLater = WEDNESDAY.plus(Duration.ofHours(1));
    awaitSentAndWaitingFor(identity, sends, 2, hourLater);
    clock.set(hourLater);
    Instant tomorrow = Instant.parse("2026-12-03T00:00:00Z");
    List<JsonPath> waiting = awaitSentAndWaitingFor(identity, sends, 3, tomorrow);
    waiting.forEach(
        state ->
            assertEquals(
                "every inbox of the identity has reached its limits",
                state.getString("statusReason")));

    updateIdentity(identity, 30, 5, IdentitySnapshots.alwaysWorking("UTC"));

    // the rolling hour holds the send of 11:00: four more go out now, the last at 12:00
    List<JsonPath> last = awaitSentAndWaitingFor(identity, sends, 7, hourLater.plusSeconds(3600));
    assertEquals(
        "every inbox of the identity has reached its limits",
        last.get(0).getString("statusReason"));
    assertEquals(7, scenario.mail().messages(lead).size());
    clock.set(hourLater.plusSeconds(3600));
    awaitStatus(scenario.org, identity, UUID.fromString(last.get(0).getString("id")), "SENT");
    assertEquals(8, scenario.mail().messages(lead).size());
  }

  @Test
  void shouldSendAWaitingSendFromAnInboxConnectedMeanwhile() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 1, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("first"));
    String lead = scenario.recipient("connected");
    List<UUID> sends = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i)));
    }
    Instant hourLater = WEDNESDAY.plus(Duration.ofHours(1));
    awaitSentAndWaitingFor(identity, sends, 1, hourLater);

    String second = scenario.address("second");
    UUID secondInbox = inbox(scenario.mail(), scenario.org, identity, second);

    List<JsonPath> last = awaitSentAndWaitingFor(identity, sends, 2, hourLater);
    assertTrue(last.get(0).getString("statusReason").contains("limits"));
    assertEquals(
        1,
        sends.stream()
            .filter(
                send ->
                    secondInbox
                        .toString()
                        .equals(sendState(scenario.org, identity, send).getString("inboxId")))
            .count(),
        "one send went out from the inbox connected meanwhile");
  }

  @Test
  void shouldHoldASendWaitingOnLimitsOnceTheIdentityHasNoConnectedInbox() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 1, null, null);
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, scenario.address("gone"));
    String lead = scenario.recipient("gone");
    List<UUID> sends = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i)));
    }
    awaitSentAndWaitingFor(identity, sends, 1, WEDNESDAY.plus(Duration.ofHours(1)));

    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200);

    JsonPath held = awaitStatus(scenario.org, identity, sends.get(1), "HELD");
    assertEquals("the identity has no connected inbox", held.getString("statusReason"));
  }

  @Test
  void shouldMoveAWaitingSendToNarrowedWorkingHoursSayingSo() {
    clock.set(WEDNESDAY);
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 1, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("narrowed"));
    String lead = scenario.recipient("narrowed");
    List<UUID> sends = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i)));
    }
    awaitSentAndWaitingFor(identity, sends, 1, WEDNESDAY.plus(Duration.ofHours(1)));

    Instant afternoon = Instant.parse("2026-12-02T14:00:00Z");
    updateIdentity(
        identity,
        30,
        1,
        new WorkingHours(
            "UTC",
            Map.of(DayOfWeek.WEDNESDAY, List.of(new WorkingHours.Interval("14:00", "18:00")))));

    JsonPath moved = awaitNotBefore(identity, sends.get(1), afternoon);
    assertEquals("QUEUED", moved.getString("status"));
    assertEquals("outside the identity's working hours", moved.getString("statusReason"));
    clock.set(afternoon);
    awaitStatus(scenario.org, identity, sends.get(1), "SENT");
  }

  /** Publishes identity.updated with new email limits and working hours, as identities-service. */
  private void updateIdentity(UUID identity, int daily, int hourly, WorkingHours hours) {
    IdentitySnapshot snapshot =
        IdentitySnapshots.withEmail(
            identity,
            1,
            "Ada Lovelace",
            new IdentitySnapshot.EmailSettings(daily, hourly, null, null),
            hours);
    scenario.broker.publish(
        events,
        events.envelope(EventTypes.IDENTITY_UPDATED, scenario.org, identity.toString(), snapshot));
  }

  /**
   * Waits until {@code sent} of the sends are sent and the others are queued for {@code slot};
   * answers the others' states.
   */
  private List<JsonPath> awaitSentAndWaitingFor(
      UUID identity, List<UUID> sends, int sent, Instant slot) {
    List<JsonPath> waiting = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              List<JsonPath> states =
                  sends.stream().map(send -> sendState(scenario.org, identity, send)).toList();
              waiting.clear();
              states.stream()
                  .filter(state -> !"SENT".equals(state.getString("status")))
                  .forEach(waiting::add);
              return waiting.size() == sends.size() - sent
                  && waiting.stream()
                      .allMatch(state -> slot.toString().equals(state.getString("notBefore")));
            });
    return waiting;
  }

  /** Waits until the send is queued for exactly {@code slot}. */
  private JsonPath awaitNotBefore(UUID identity, UUID send, Instant slot) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                slot.toString()
                    .equals(sendState(scenario.org, identity, send).getString("notBefore")));
    return sendState(scenario.org, identity, send);
  }

  /** The send is still waiting after the workers had time to look at it again. */
  private void stillQueued(UUID identity, UUID send) {
    Awaitility.await().pollDelay(Duration.ofMillis(2500)).until(() -> true);
    assertEquals("QUEUED", sendState(scenario.org, identity, send).getString("status"));
  }
}
