package io.identities.identity.stats;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identities.backbone.events.ActivityEvents;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.domain.IdentityFilter;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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

  /** Reads decimals as they are written, so 25.00 and 25.0 differ. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

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
    invitationsSent(midday, ada, ada, ada);
    invitationsAccepted(dayStart, ada);
    linkedInMessagesSent(midday, bea);
    linkedInMessagesSent(nextDay, bea);
    emailsSent(midday, bea, bea, bea, bea);
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
    invitationsSent(OffsetDateTime.now().toString(), ada);

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
  void shouldAnswerEachIdentityAsItsOwnStatisticsInTheOrderGiven() throws Exception {
    clock.set(Instant.parse("2026-11-01T09:00:00Z"));
    UUID ada = UUID.fromString(api.createNamed("Ada"));
    UUID dee = UUID.fromString(api.createNamed("Dee"));
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    UUID bea = UUID.fromString(api.createNamed("Bea"));
    UUID cy = UUID.fromString(api.createNamed("Cy")); // nothing at all
    UUID eve = UUID.fromString(new IdentityApi(Tokens.newOrganization()).createNamed("Eve"));
    // Dee connected all along (every day at its full limit), Ada ramping up from the 16th
    publish(EventTypes.LINKEDIN_SESSION_CONNECTED, "2026-11-01T09:30:00Z", connected(dee, null));
    publish(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        "2026-11-16T10:00:00Z",
        connected(ada, new RampUp(LocalDate.parse("2026-11-16"), 14)));
    invitationsSent("2026-11-18T10:00:00Z", ada, ada, ada);
    invitationsAccepted("2026-11-17T23:30:00Z", ada); // the 18th in Madrid, the 17th in UTC
    linkedInMessagesSent("2026-11-19T12:00:00Z", dee);
    emailsSent("2026-11-20T08:00:00Z", bea, bea, bea, bea);
    publish(
        EventTypes.EMAIL_REPLIED,
        "2026-11-20T08:30:00Z",
        new ActivityEvents.EmailReplied(
            bea, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1));
    publish(
        EventTypes.EMAIL_BOUNCED,
        "2026-11-20T08:40:00Z",
        new ActivityEvents.EmailBounced(
            bea,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            "<bounced@sales.example>",
            "550 no such user",
            Instant.parse("2026-11-20T08:00:00Z"),
            false));
    int deePossible = 100 * 7; // the 14th to the 20th
    int adaPossible = 20 + 26 + 32 + 38 + 43; // the 16th to the 20th, ramped up
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                            .queryParam("period", "last7days")
                            .get("/api/identities/stats")
                            .<Integer>path("messages.possible")
                        == deePossible + adaPossible
                    && api.request()
                            .queryParam("period", "last7days")
                            .get("/api/identities/stats")
                            .<Integer>path("emails.bounced")
                        == 1);

    String[] ids = { // comma-separated and repeated; Eve, a stranger and Ada again left out
      bea + "," + eve, ada + "," + cy, UUID.randomUUID() + "," + dee + ", " + ada
    };
    UUID[] answered = {bea, ada, cy, dee};
    JsonNode lastWeek = byIdentity(ids, Map.of("period", "last7days"));
    assertEquals(
        List.of(3, 1, 0, 0, 4, 1, adaPossible, deePossible),
        List.of(
            lastWeek.at("/items/1/connections/sent").asInt(),
            lastWeek.at("/items/1/connections/accepted").asInt(),
            lastWeek.at("/items/3/connections/sent").asInt(),
            lastWeek.at("/items/0/messages/possible").asInt(),
            lastWeek.at("/items/0/emails/sent").asInt(),
            lastWeek.at("/items/0/replied").asInt(),
            lastWeek.at("/items/1/messages/possible").asInt(),
            lastWeek.at("/items/3/messages/possible").asInt()),
        "the seeded activity, not zeros compared with zeros");
    assertEquals(new BigDecimal("25.00"), lastWeek.at("/items/0/bounceRate").decimalValue());
    for (Map<String, String> period :
        List.of(
            Map.of("period", "last7days"),
            Map.of("period", "yesterday"),
            Map.of("from", "2026-11-18", "to", "2026-11-18", "tz", "Europe/Madrid"),
            Map.of("from", "2026-11-01", "to", "2026-11-30", "tz", "America/New_York"))) {
      JsonNode answer = byIdentity(ids, period);
      assertEquals(answered.length, answer.get("items").size(), period.toString());
      for (int i = 0; i < answered.length; i++) {
        ObjectNode own = (ObjectNode) statsOf(answered[i], period);
        assertEquals(own.remove("period"), answer.get("period"), period.toString());
        own.put("identityId", answered[i].toString());
        assertEquals(own, answer.get("items").get(i), period + ", identity " + i);
      }
    }
  }

  @Test
  void shouldRefuseAMissingOrMalformedListOfIdentities() {
    for (String ids :
        new String[] {
          null,
          " , ",
          "not-an-id",
          UUID.randomUUID() + ",42",
          String.join(",", Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toList())
        }) {
      var request = api.request();
      if (ids != null) {
        request.queryParam("ids", ids);
      }
      request
          .get("/api/identities/stats/by-identity")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", containsInAnyOrder("ids"));
    }
    api.request()
        .queryParam("ids", UUID.randomUUID().toString())
        .queryParam("tz", "Mars/Olympus")
        .get("/api/identities/stats/by-identity")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("tz"));
    api.request()
        .queryParam("ids", String.join(",", Collections.nCopies(100, UUID.randomUUID().toString())))
        .get("/api/identities/stats/by-identity")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  private JsonNode byIdentity(String[] ids, Map<String, String> period) throws Exception {
    return JSON.readTree(
        api.request()
            .queryParam("ids", (Object[]) ids)
            .queryParams(period)
            .get("/api/identities/stats/by-identity")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  private JsonNode statsOf(UUID identity, Map<String, String> period) throws Exception {
    return JSON.readTree(
        api.request()
            .queryParams(period)
            .get("/api/identities/{id}/stats", identity)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  @Test
  void shouldSumTheIdentitiesTheSearchOfIdentitiesKeeps() throws Exception {
    clock.set(Instant.parse("2026-11-01T09:00:00Z"));
    UUID jose = UUID.fromString(api.create("{\"firstName\": \"José\", \"lastName\": \"García\"}"));
    UUID ada = UUID.fromString(api.createNamed("Ada Lovelace"));
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    UUID grace = UUID.fromString(api.createNamed("Grace Hopper"));
    UUID linus = UUID.fromString(api.createNamed("Linus Torvalds")); // no channel connected
    UUID dee = UUID.fromString(api.createNamed("Dee Deleted"));
    String stranger = Tokens.newOrganization();
    UUID otherJose =
        UUID.fromString(new IdentityApi(stranger).createNamed("José Pérez")); // not ours
    // José connected all along, Grace from today ramping up; Ada has a connected inbox
    publish(EventTypes.LINKEDIN_SESSION_CONNECTED, "2026-11-01T09:30:00Z", connected(jose, null));
    publish(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        "2026-11-20T10:05:00Z",
        connected(grace, new RampUp(LocalDate.parse("2026-11-20"), 14)));
    publish(
        EventTypes.EMAIL_INBOX_CONNECTED,
        "2026-11-02T09:00:00Z",
        new InboxConnectionChanged(ada, UUID.randomUUID(), "ada@sales.example", "CONNECTED", 1, 1));
    String day = "2026-11-19T12:00:00Z";
    invitationsSent(day, jose, jose, jose, grace, grace, linus);
    invitationsAccepted("2026-11-19T23:30:00Z", jose); // the 20th in Madrid, the 19th in UTC
    linkedInMessagesSent(day, grace, linus);
    emailsSent(day, jose, jose, ada, ada, ada, ada, dee);
    for (UUID sender : List.of(jose, ada)) {
      publish(
          EventTypes.EMAIL_REPLIED,
          day,
          new ActivityEvents.EmailReplied(
              sender, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1));
    }
    publish(
        EventTypes.EMAIL_BOUNCED,
        day,
        new ActivityEvents.EmailBounced(
            jose,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            "<bounced@sales.example>",
            "550 no such user",
            Instant.parse(day),
            false));
    publish(
        envelope(
            stranger,
            EventTypes.LINKEDIN_INVITATION_SENT,
            day,
            new ActivityEvents.InvitationSent(otherJose, UUID.randomUUID(), null)));
    Map<String, String> lastWeek = Map.of("period", "last7days");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                stats(lastWeek).at("/emails/sent").asInt() == 7
                    && stats(lastWeek).at("/connections/accepted").asInt() == 1
                    && stats(lastWeek).at("/messages/possible").asInt() == 700 + 20
                    && api.request()
                            .queryParam("emailConnected", true)
                            .get("/api/identities")
                            .<Integer>path("total")
                        == 1
                    && new IdentityApi(stranger)
                            .request()
                            .queryParams(lastWeek)
                            .get("/api/identities/stats")
                            .<Integer>path("connections.sent")
                        == 1);
    api.request().delete("/api/identities/{id}", dee).then().statusCode(204);

    JsonNode joseLastWeek = statsOf(jose, lastWeek);
    assertEquals(
        List.of(3, 1, 700, 2, 1, 1),
        List.of(
            joseLastWeek.at("/connections/sent").asInt(),
            joseLastWeek.at("/connections/accepted").asInt(),
            joseLastWeek.at("/messages/possible").asInt(),
            joseLastWeek.at("/emails/sent").asInt(),
            joseLastWeek.at("/emails/bounced").asInt(),
            joseLastWeek.at("/replied").asInt()),
        "the seeded activity, not zeros compared with zeros");
    JsonNode organization = stats(lastWeek);
    assertEquals(
        List.of(6, 1, 2, 720, 7, 2, 1),
        List.of(
            organization.at("/connections/sent").asInt(),
            organization.at("/connections/accepted").asInt(),
            organization.at("/messages/sent").asInt(),
            organization.at("/messages/possible").asInt(),
            organization.at("/emails/sent").asInt(), // Dee's, deleted since, still counted
            organization.at("/replied").asInt(),
            organization.at("/emails/bounced").asInt()),
        "the organization's figures, as before");
    assertEquals(new BigDecimal("14.29"), organization.at("/bounceRate").decimalValue());

    for (Map<String, String> period :
        List.of(
            lastWeek,
            Map.of("period", "yesterday"),
            Map.of("from", "2026-11-20", "to", "2026-11-20", "tz", "Europe/Madrid"),
            Map.of("from", "2026-11-01", "to", "2026-11-30", "tz", "America/New_York"))) {
      JsonNode joseOwn = statsOf(jose, period);
      assertEquals(joseOwn, stats(period, "q", "jose"), period.toString());
      assertEquals(joseOwn, stats(period, "q", "GARCÍA  josé"), period.toString());
      assertEquals(
          statsOf(ada, period), stats(period, "emailConnected", "true"), period.toString());
      assertEquals(
          sum(statsOf(jose, period), statsOf(grace, period)),
          stats(period, "linkedinConnected", "true"),
          period.toString());
      assertEquals(
          sum(statsOf(ada, period), statsOf(linus, period)),
          stats(period, "linkedinConnected", "false"),
          period + ": Dee, deleted, no longer listed");
      assertEquals(
          sum(statsOf(jose, period), statsOf(grace, period), statsOf(linus, period)),
          stats(period, "q", "o", "emailConnected", "false"), // each name has an o; not Ada
          period.toString());
      assertEquals(stats(period), stats(period, "q", " - "), "no word to look for: all of them");
      for (JsonNode none :
          List.of(
              stats(period, "q", "nobody"),
              stats(period, "q", "jose", "linkedinConnected", "false"),
              stats(period, "q", "perez"))) {
        assertEquals(stats(period).get("period"), none.get("period"));
        assertEquals(
            JSON.readTree(
                "{\"connections\": {\"accepted\": 0, \"sent\": 0}, \"messages\": {\"sent\": 0,"
                    + " \"possible\": 0}, \"replied\": 0, \"bounceRate\": 0.00,"
                    + " \"emails\": {\"sent\": 0, \"bounced\": 0}}"),
            ((ObjectNode) none).without("period"),
            period.toString());
      }
    }
  }

  @Test
  void shouldAnswerTheWholeDashboardInOneReadAsItsPartsAnswerAlone() throws Exception {
    clock.set(Instant.parse("2026-11-01T09:00:00Z"));
    UUID jose = UUID.fromString(api.create("{\"firstName\": \"José\", \"lastName\": \"Ortiz\"}"));
    UUID joan = UUID.fromString(api.createNamed("Joan Olsen"));
    UUID ada = UUID.fromString(api.createNamed("Ada Lovelace"));
    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    publish(EventTypes.LINKEDIN_SESSION_CONNECTED, "2026-11-01T09:30:00Z", connected(jose, null));
    for (String day : List.of("2026-11-12T12:00:00Z", "2026-11-19T12:00:00Z")) {
      for (UUID sender : List.of(jose, joan, ada)) {
        invitationsSent(day, sender);
        emailsSent(day, sender);
      }
    }
    invitationsAccepted("2026-11-19T13:00:00Z", jose);
    Map<String, String> november = Map.of("from", "2026-11-01", "to", "2026-11-20");
    Awaitility.await() // every event counted
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                stats(november).at("/emails/sent").asInt() == 6
                    && stats(november).at("/connections/sent").asInt() == 6
                    && stats(november).at("/connections/accepted").asInt() == 1
                    && stats(november).at("/messages/possible").asInt() > 0);

    for (Map<String, String> period :
        List.of(
            Map.of("period", "last7days", "tz", "Europe/Madrid"),
            Map.of("from", "2026-11-12", "to", "2026-11-19", "tz", "UTC"))) {
      JsonNode dashboard =
          JSON.readTree(
              api.request()
                  .queryParams(period)
                  .queryParam("q", "jo") // José and Joan, not Ada
                  .queryParam("size", 1)
                  .get("/api/identities/dashboard")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      assertEquals(stats(period, "q", "jo"), dashboard.get("figures"), period.toString());
      LocalDate from = LocalDate.parse(dashboard.at("/figures/period/from").asText());
      LocalDate to = LocalDate.parse(dashboard.at("/figures/period/to").asText());
      long days = to.toEpochDay() - from.toEpochDay() + 1;
      assertEquals(
          stats(
              Map.of(
                  "from", from.minusDays(days).toString(),
                  "to", from.minusDays(1).toString(),
                  "tz", period.get("tz")),
              "q",
              "jo"),
          dashboard.get("previousFigures"),
          period + ": the period of the same length just before");
      assertEquals(
          JSON.readTree(
              api.request()
                  .queryParam("q", "jo")
                  .queryParam("size", 1)
                  .get("/api/identities")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString()),
          dashboard.get("identities"));
      assertEquals(2, dashboard.at("/identities/total").asInt());
      String shown = dashboard.at("/identities/items/0/id").asText();
      assertEquals(
          byIdentity(new String[] {shown}, period).get("items"),
          dashboard.get("identityFigures"),
          "the page's identity's own figures");
      assertNotEquals(0, dashboard.at("/figures/connections/sent").asInt(), "figures were seeded");
    }
    api.request()
        .queryParam("size", 101)
        .get("/api/identities/dashboard")
        .then()
        .statusCode(400)
        .body("errors.field", contains("size"));
    api.request()
        .queryParam("tz", "Mars/Olympus")
        .get("/api/identities/dashboard")
        .then()
        .statusCode(400)
        .body("errors.field", contains("tz"));
  }

  @Test
  void shouldRefuseABadSearchAsTheListOfIdentitiesDoes() {
    for (String query :
        List.of(
            "q=" + "a".repeat(IdentityFilter.MAX_TEXT + 1),
            "q=jo%00se",
            "linkedinConnected=maybe",
            "emailConnected=1")) {
      var list = api.request().urlEncodingEnabled(false).get("/api/identities?" + query);
      api.request()
          .urlEncodingEnabled(false)
          .get("/api/identities/stats?" + query)
          .then()
          .statusCode(list.statusCode())
          .contentType(list.contentType())
          .body("errors", equalTo(list.path("errors")))
          .body("detail", equalTo(list.path("detail")));
    }
    api.request()
        .queryParam("q", "a".repeat(IdentityFilter.MAX_TEXT + 1))
        .get("/api/identities/stats")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("q"));
  }

  /** The identities' statistics, together: their counts summed, the bounce rate of the sums. */
  private static JsonNode sum(JsonNode... identities) throws Exception {
    ObjectNode sum = identities[0].deepCopy();
    for (String count :
        List.of(
            "/connections/accepted",
            "/connections/sent",
            "/messages/sent",
            "/messages/possible",
            "/replied",
            "/emails/sent",
            "/emails/bounced")) {
      long total = Stream.of(identities).mapToLong(each -> each.at(count).asLong()).sum();
      JsonPointer pointer = JsonPointer.compile(count);
      JsonNode parent = sum.at(pointer.head());
      ((ObjectNode) parent).put(pointer.last().getMatchingProperty(), total);
    }
    long sent = sum.at("/emails/sent").asLong();
    sum.put(
        "bounceRate",
        sent == 0
            ? new BigDecimal("0.00")
            : BigDecimal.valueOf(sum.at("/emails/bounced").asLong() * 100)
                .divide(BigDecimal.valueOf(sent), 2, RoundingMode.HALF_UP));
    return JSON.readTree(sum.toString()); // numbers as an answer has them
  }

  /**
   * The organization's statistics over {@code period}, searched by {@code search} (name, value).
   */
  private JsonNode stats(Map<String, String> period, String... search) throws Exception {
    var request = api.request().queryParams(period);
    for (int i = 0; i < search.length; i += 2) {
      request.queryParam(search[i], search[i + 1]);
    }
    return JSON.readTree(
        request.get("/api/identities/stats").then().statusCode(200).extract().asString());
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

  /** One invitation sent by each of {@code senders} at {@code at} (a sender twice: two). */
  private void invitationsSent(String at, UUID... senders) {
    for (UUID sender : senders) {
      publish(
          EventTypes.LINKEDIN_INVITATION_SENT,
          at,
          new ActivityEvents.InvitationSent(sender, UUID.randomUUID(), null));
    }
  }

  private void invitationsAccepted(String at, UUID... senders) {
    for (UUID sender : senders) {
      publish(
          EventTypes.LINKEDIN_INVITATION_ACCEPTED,
          at,
          new ActivityEvents.InvitationAccepted(sender, UUID.randomUUID(), null));
    }
  }

  private void linkedInMessagesSent(String at, UUID... senders) {
    for (UUID sender : senders) {
      publish(
          EventTypes.LINKEDIN_MESSAGE_SENT,
          at,
          new ActivityEvents.LinkedInMessageSent(sender, UUID.randomUUID(), null));
    }
  }

  private void emailsSent(String at, UUID... senders) {
    for (UUID sender : senders) {
      publish(EventTypes.EMAIL_SENT, at, emailSent(sender));
    }
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
    return envelope(org, type, at, data);
  }

  private EventEnvelope envelope(String orgId, String type, String at, Object data) {
    EventEnvelope now = events.envelope(type, orgId, UUID.randomUUID().toString(), data);
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
