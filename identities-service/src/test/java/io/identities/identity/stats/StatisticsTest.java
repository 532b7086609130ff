package io.identities.identity.stats;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.ActivityEvents;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Europe/Madrid's 2026-03-29 (a spring-forward day) runs from 2026-03-28T23:00Z to
 * 2026-03-29T22:00Z.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class StatisticsTest {

  @Inject Events events;
  @Inject TestClock clock;

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void resetClockAndCloseProbe() throws Exception {
    clock.reset();
    broker.close();
  }

  @Test
  void shouldCountTheDashboardMetricsOverLocalDays() {
    UUID ada = UUID.fromString(api.createNamed("Ada"));
    UUID bea = UUID.fromString(api.createNamed("Bea"));
    api.request()
        .body(
            "{\"dailyConnectionRequests\": 20, \"dailyMessages\": 50, \"autoWithdraw\": false, \"withdrawAfterDays\": 7}")
        .put("/api/identities/{id}/linkedin-settings", bea)
        .then()
        .statusCode(200);

    String dayStart = "2026-03-28T23:10:00Z"; // 00:10 on the 29th in Madrid, still the 28th in UTC
    String midday = "2026-03-29T10:00:00Z";
    String nextDay = "2026-03-29T22:30:00Z"; // 00:30 on the 30th in Madrid
    for (int i = 0; i < 3; i++) {
      publish(
          EventTypes.LINKEDIN_INVITATION_SENT,
          midday,
          new ActivityEvents.InvitationSent(ada, UUID.randomUUID(), null));
    }
    publish(
        EventTypes.LINKEDIN_INVITATION_ACCEPTED,
        dayStart,
        new ActivityEvents.InvitationAccepted(ada, UUID.randomUUID(), null));
    publish(
        EventTypes.LINKEDIN_MESSAGE_SENT,
        midday,
        new ActivityEvents.LinkedInMessageSent(bea, UUID.randomUUID(), null));
    publish(
        EventTypes.LINKEDIN_MESSAGE_SENT,
        nextDay,
        new ActivityEvents.LinkedInMessageSent(bea, UUID.randomUUID(), null));
    for (int i = 0; i < 4; i++) {
      publish(EventTypes.EMAIL_SENT, midday, emailSent(bea));
    }
    publish(
        EventTypes.EMAIL_REPLIED,
        midday,
        new ActivityEvents.EmailReplied(
            bea, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1));
    EventEnvelope reported = // a delivery report the next day, about an email sent at midday
        envelope(
            EventTypes.EMAIL_BOUNCED,
            nextDay,
            new ActivityEvents.EmailBounced(
                bea,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "<bounced@sales.example>",
                "reported: 550 no such user",
                Instant.parse(midday),
                false));
    publish(reported);
    publish(reported); // redelivered: counted once
    publish( // refused at RCPT: an attempted send that bounced, with no email.sent
        EventTypes.EMAIL_BOUNCED,
        midday,
        new ActivityEvents.EmailBounced(
            bea,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            "<refused@sales.example>",
            "550 5.1.1 mailbox unavailable",
            Instant.parse(midday),
            true));

    // a marker published last: once it is counted, so is everything before it (one queue, in order)
    publish(
        EventTypes.EMAIL_REPLIED,
        "2026-01-01T12:00:00Z",
        new ActivityEvents.EmailReplied(ada, null, null, null, 1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                        .queryParam("from", "2026-01-01")
                        .queryParam("to", "2026-01-01")
                        .get("/api/identities/stats")
                        .<Integer>path("replied")
                    == 1);

    api.request()
        .queryParam("from", "2026-03-29")
        .queryParam("to", "2026-03-29")
        .queryParam("tz", "Europe/Madrid")
        .get("/api/identities/stats")
        .then()
        .statusCode(200)
        .body("period.start", equalTo("2026-03-28T23:00:00Z"))
        .body("period.end", equalTo("2026-03-29T22:00:00Z"))
        .body("connections.sent", equalTo(3))
        .body("connections.accepted", equalTo(1))
        .body("messages.sent", equalTo(1))
        .body("messages.possible", equalTo(0)) // created since, and never connected
        .body("replied", equalTo(1))
        .body("emails.sent", equalTo(5))
        .body("emails.bounced", equalTo(2))
        .body("bounceRate", equalTo(40.0f));
    assertTrue(
        api.request()
            .queryParam("from", "2026-03-29")
            .queryParam("to", "2026-03-29")
            .queryParam("tz", "Europe/Madrid")
            .get("/api/identities/stats")
            .asString()
            .contains("\"bounceRate\":40.00"),
        "two decimals");
    api.request()
        .queryParam("from", "2026-03-29")
        .queryParam("to", "2026-03-29")
        .get("/api/identities/stats") // UTC days: the accepted invitation was on the 28th
        .then()
        .body("connections.accepted", equalTo(0))
        .body("messages.sent", equalTo(2));
    api.request()
        .queryParam("from", "2026-03-29")
        .queryParam("to", "2026-03-30")
        .queryParam("tz", "Europe/Madrid")
        .get("/api/identities/{id}/stats", bea)
        .then()
        .body("messages.sent", equalTo(2))
        .body("messages.possible", equalTo(0))
        .body("connections.sent", equalTo(0));
  }

  @Test
  void shouldDefaultToTodayWithNoBouncesWhenNothingWasSent() {
    UUID ada = UUID.fromString(api.createNamed("Ada"));
    publish(
        EventTypes.LINKEDIN_INVITATION_SENT,
        OffsetDateTime.now().toString(),
        new ActivityEvents.InvitationSent(ada, UUID.randomUUID(), null));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> (int) api.request().get("/api/identities/stats").path("connections.sent") == 1);
    api.request()
        .get("/api/identities/{id}/stats", ada)
        .then()
        .body("connections.sent", equalTo(1))
        .body("messages.possible", equalTo(0)) // its LinkedIn account is not connected
        .body("period.from", equalTo(api.request().get("/api/identities/stats").path("period.to")));
    // one format of the bounce rate in every answer: the organization's, one identity's, an empty
    // period's
    assertTrue(
        api.request().get("/api/identities/stats").asString().contains("\"bounceRate\":0.00"));
    assertTrue(
        api.request()
            .get("/api/identities/{id}/stats", ada)
            .asString()
            .contains("\"bounceRate\":0.00"));
    assertTrue(
        api.request()
            .queryParam("period", "yesterday")
            .get("/api/identities/stats")
            .asString()
            .contains("\"bounceRate\":0.00"));
  }

  @Test
  void shouldCountTheMessagesPossibleOnlyOnTheDaysAnIdentityExistedWithItsAccountConnected() {
    clock.set(Instant.parse("2026-11-01T09:00:00Z"));
    UUID dee = UUID.fromString(api.createNamed("Dee")); // connected since the 1st
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    UUID ada = UUID.fromString(api.createNamed("Ada"));
    UUID bea = UUID.fromString(api.createNamed("Bea"));
    UUID cy = UUID.fromString(api.createNamed("Cy")); // never connected
    api.request()
        .body(
            "{\"dailyConnectionRequests\": 20, \"dailyMessages\": 50, \"autoWithdraw\": false, \"withdrawAfterDays\": 7}")
        .put("/api/identities/{id}/linkedin-settings", bea)
        .then()
        .statusCode(200);
    // Dee's account ramped up from the 1st to the 14th; Ada's new one ramps up from the 20th;
    // Bea's,
    // older, is connected from the 23rd to the 25th
    publish(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        "2026-11-01T09:30:00Z",
        connected(dee, new RampUp(LocalDate.parse("2026-11-01"), 14)));
    publish(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        "2026-11-20T10:05:00Z",
        connected(ada, new RampUp(LocalDate.parse("2026-11-20"), 14)));
    publish(EventTypes.LINKEDIN_SESSION_CONNECTED, "2026-11-23T08:00:00Z", connected(bea, null));
    publish(
        EventTypes.LINKEDIN_SESSION_DISCONNECTED,
        "2026-11-25T12:00:00Z",
        new LinkedInSessionDisconnected(bea, LinkedInSessionDisconnected.DISCONNECTED));

    int adaPossible = 20 + 26 + 32 + 38 + 43 + 49 + 55; // the 20th to the 26th, ramped up
    int beaPossible = 50 * 3; // the 23rd, 24th and 25th
    int deePossible = 100 * 9; // every day, past its ramp-up
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                possible(null, "2026-11-18", "2026-11-26")
                    == adaPossible + beaPossible + deePossible);
    assertEquals(deePossible, possible(dee, "2026-11-18", "2026-11-26"));
    assertEquals(
        72 + 78 + 83, possible(dee, "2026-11-10", "2026-11-12"), "days 9 to 11 of its ramp");
    assertEquals(adaPossible, possible(ada, "2026-11-18", "2026-11-26"));
    assertEquals(beaPossible, possible(bea, "2026-11-18", "2026-11-26"));
    assertEquals(0, possible(cy, "2026-11-18", "2026-11-26"));
    api.request()
        .queryParam("period", "yesterday") // the 19th: Ada and Bea, created today, count nothing
        .get("/api/identities/stats")
        .then()
        .body("period.from", equalTo("2026-11-19"))
        .body("messages.possible", equalTo(100));
    api.request()
        .get("/api/identities/stats") // today, the 20th: Ada's first day, at 20 %
        .then()
        .body("messages.possible", equalTo(100 + 20));
  }

  private int possible(UUID identity, String from, String to) {
    return api.request()
        .queryParam("from", from)
        .queryParam("to", to)
        .get(identity == null ? "/api/identities/stats" : "/api/identities/" + identity + "/stats")
        .then()
        .statusCode(200)
        .extract()
        .path("messages.possible");
  }

  private static LinkedInSessionConnected connected(UUID identity, RampUp rampUp) {
    return new LinkedInSessionConnected(
        identity, null, null, null, null, null, null, false, rampUp);
  }

  @Test
  void shouldRefuseAMalformedPeriodAndHideOtherOrganizations() {
    UUID ada = UUID.fromString(api.createNamed("Ada"));

    api.request()
        .queryParam("period", "lastcentury")
        .get("/api/identities/stats")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("period"));
    api.request()
        .queryParam("tz", "Mars/Olympus")
        .get("/api/identities/stats")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("tz"));
    api.request()
        .queryParam("from", "2026-03-10")
        .queryParam("to", "2026-03-01")
        .get("/api/identities/stats")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("to"));
    api.request()
        .queryParam("from", "2026-03-10")
        .get("/api/identities/stats")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("to"));
    new IdentityApi(Tokens.newOrganization())
        .request()
        .get("/api/identities/{id}/stats", ada)
        .then()
        .statusCode(404);
  }

  private static ActivityEvents.EmailSent emailSent(UUID identity) {
    return new ActivityEvents.EmailSent(
        identity, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "<m@example.com>");
  }

  private void publish(String type, String at, Object data) {
    publish(envelope(type, at, data));
  }

  private void publish(EventEnvelope event) {
    broker.publish(events, event);
  }

  private EventEnvelope envelope(String type, String at, Object data) {
    EventEnvelope now = events.envelope(type, org, UUID.randomUUID().toString(), data);
    return new EventEnvelope(
        now.id(),
        now.type(),
        "/linkedin-gateway",
        now.specversion(),
        OffsetDateTime.parse(at),
        now.subject(),
        now.datacontenttype(),
        now.orgid(),
        now.data());
  }
}
