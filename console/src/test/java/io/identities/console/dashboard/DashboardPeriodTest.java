package io.identities.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DashboardPeriodTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  /** A Monday evening in New York, already Tuesday in Kiritimati (UTC+14). */
  private final Instant now = Instant.parse("2026-03-02T23:30:00Z");

  @Test
  void shouldCountTodayInTheUsersTimeZone() {
    DashboardPeriod utc = DashboardPeriod.of(null, null, null, UTC, now);
    assertEquals(LocalDate.parse("2026-03-02"), utc.from());

    DashboardPeriod kiritimati =
        DashboardPeriod.of("today", null, null, ZoneId.of("Pacific/Kiritimati"), now);
    assertEquals(LocalDate.parse("2026-03-03"), kiritimati.from());
    assertEquals(LocalDate.parse("2026-03-03"), kiritimati.to());
  }

  @Test
  void shouldNameThePeriodJustBeforeWhoseFiguresTheCardsShowBeside() {
    assertEquals("yesterday", DashboardPeriod.of("today", null, null, UTC, now).previousName());
    DashboardPeriod week = DashboardPeriod.of("last7days", null, null, UTC, now);
    assertEquals(LocalDate.parse("2026-02-24"), week.from());
    assertEquals("the 7 days before", week.previousName());
    DashboardPeriod month = DashboardPeriod.of("last30days", null, null, UTC, now);
    assertEquals(30, month.days());
    assertEquals("the 30 days before", month.previousName());
    DashboardPeriod custom =
        DashboardPeriod.of("custom", "2026-02-10", "2026-02-12", ZoneId.of("Europe/Madrid"), now);
    assertEquals("the 3 days before", custom.previousName());
  }

  @Test
  void shouldMakeSenseOfACustomRangeAsTyped() {
    DashboardPeriod reversed = DashboardPeriod.of("custom", "2026-02-12", "2026-02-10", UTC, now);
    assertEquals(LocalDate.parse("2026-02-10"), reversed.from());
    assertEquals(LocalDate.parse("2026-02-12"), reversed.to());

    DashboardPeriod oneDay = DashboardPeriod.of("custom", "2026-02-12", "", UTC, now);
    assertEquals(oneDay.from(), oneDay.to());

    DashboardPeriod unreadable = DashboardPeriod.of("custom", "12/02/2026", null, UTC, now);
    assertEquals(LocalDate.parse("2026-03-02"), unreadable.from(), "today when unreadable");

    DashboardPeriod long_ = DashboardPeriod.of("custom", "2020-01-01", "2026-03-02", UTC, now);
    assertEquals(366, long_.days(), "a year at most, ending where asked");
    assertEquals(LocalDate.parse("2026-03-02"), long_.to());
  }

  @Test
  void shouldFallBackToTodayForAnUnknownChoice() {
    DashboardPeriod period = DashboardPeriod.of("forever", null, null, UTC, now);
    assertEquals("today", period.choice());
    assertEquals(LocalDate.parse("2026-03-02"), period.from());
  }

  @Test
  void shouldWriteItsDaysAsPeopleReadThem() {
    assertEquals("2 Mar 2026", DashboardPeriod.of("today", null, null, UTC, now).label());
    assertEquals(
        "1 Feb – 2 Mar 2026", DashboardPeriod.of("last30days", null, null, UTC, now).label());
    assertEquals(
        "29 Dec 2025 – 4 Jan 2026",
        DashboardPeriod.of("custom", "2025-12-29", "2026-01-04", UTC, now).label());
  }
}
