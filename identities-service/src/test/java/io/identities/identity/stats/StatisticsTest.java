package io.identities.identity.stats;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.identities.backbone.events.ActivityEvents;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
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
        .body("messages.possible", equalTo(150))
        .body("replied", equalTo(1))
        .body("emails.sent", equalTo(5))
        .body("emails.bounced", equalTo(2))
        .body("bounceRate", equalTo(40.0f));
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
        .body("messages.possible", equalTo(100))
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
        .body("messages.possible", equalTo(100))
        .body("bounceRate", equalTo(0))
        .body("period.from", equalTo(api.request().get("/api/identities/stats").path("period.to")));
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
