package io.identities.identity.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.schedule.RampUp;
import io.identities.identity.stats.PossibleMessages.Connected;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one identity could have sent over a period, without a database. */
class PossibleMessagesTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Period WEEK = period(UTC, "2026-11-16", "2026-11-22");
  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldCountNothingWithoutAConnectedAccount() {
    assertEquals(0, PossibleMessages.of(WEEK, 100, LONG_AGO, List.of()));
    assertEquals(
        0,
        PossibleMessages.of(
            WEEK, 100, LONG_AGO, List.of(span("2026-11-01T09:00:00Z", "2026-11-15T23:59:59Z"))),
        "disconnected before the period");
  }

  @Test
  void shouldCountTheDailyLimitOnEveryDayOfTheAccountsConnection() {
    assertEquals(
        700, PossibleMessages.of(WEEK, 100, LONG_AGO, List.of(span("2026-03-01T09:00:00Z", null))));
    assertEquals(
        0, PossibleMessages.of(WEEK, 0, LONG_AGO, List.of(span("2026-03-01T09:00:00Z", null))));
  }

  @Test
  void shouldCountNoDayBeforeTheIdentityWasCreated() {
    Instant created = Instant.parse("2026-11-19T12:00:00Z");

    assertEquals(
        400, PossibleMessages.of(WEEK, 100, created, List.of(span("2026-11-19T12:00:00Z", null))));
    assertEquals(
        400,
        PossibleMessages.of(WEEK, 100, created, List.of(span("2026-11-01T00:00:00Z", null))),
        "a connection known from before the identity");
  }

  @Test
  void shouldCountTheDaysAnAccountWasConnectedAtAnyMomentAndEachDayOnce() {
    assertEquals(
        300,
        PossibleMessages.of(
            WEEK, 100, LONG_AGO, List.of(span("2026-11-18T23:00:00Z", "2026-11-20T01:00:00Z"))));
    assertEquals(
        600,
        PossibleMessages.of(
            WEEK,
            100,
            LONG_AGO,
            List.of(
                span("2026-11-18T15:00:00Z", null), // reconnected on the day it was disconnected
                span("2026-11-17T08:00:00Z", "2026-11-18T09:00:00Z"))));
  }

  @Test
  void shouldRampUpTheLimitOnTheFirstDaysOfANewAccount() {
    RampUp ramp = new RampUp(LocalDate.parse("2026-11-16"), 14);

    // ceil(100 x (0.20 + 0.80 d / 14)) on days 0 to 6
    assertEquals(
        20 + 26 + 32 + 38 + 43 + 49 + 55,
        PossibleMessages.of(WEEK, 100, LONG_AGO, List.of(ramped("2026-11-16T10:00:00Z", ramp))));
    assertEquals(
        89 + 95 + 100 + 100, // days 12 and 13, then the full limit
        PossibleMessages.of(
            period(UTC, "2026-11-28", "2026-12-01"),
            100,
            LONG_AGO,
            List.of(ramped("2026-11-16T10:00:00Z", ramp))));
    assertEquals(
        50 * 3,
        PossibleMessages.of(
            period(UTC, "2026-12-10", "2026-12-12"),
            50,
            LONG_AGO,
            List.of(ramped("2026-11-16T10:00:00Z", ramp))),
        "long after the ramp");
  }

  @Test
  void shouldCountTheLocalDaysOfThePeriodsTimeZone() {
    List<Connected> late = List.of(span("2026-11-17T23:30:00Z", null)); // the 18th in Madrid

    assertEquals(600, PossibleMessages.of(WEEK, 100, LONG_AGO, late));
    assertEquals(
        500,
        PossibleMessages.of(
            period(ZoneId.of("Europe/Madrid"), "2026-11-16", "2026-11-22"), 100, LONG_AGO, late));
  }

  private static Connected span(String from, String until) {
    return new Connected(Instant.parse(from), until == null ? null : Instant.parse(until), null);
  }

  private static Connected ramped(String from, RampUp ramp) {
    return new Connected(Instant.parse(from), null, ramp);
  }

  private static Period period(ZoneId zone, String from, String to) {
    return new Period(zone, LocalDate.parse(from), LocalDate.parse(to));
  }
}
