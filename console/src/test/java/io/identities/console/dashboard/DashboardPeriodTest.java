package io.identities.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DashboardPeriodTest {

  /** A Monday evening in New York, already Tuesday in Kiritimati (UTC+14). */
  private final Instant now = Instant.parse("2026-03-02T23:30:00Z");

  @Test
  void shouldCountTodayInTheUsersTimeZone() {
    DashboardPeriod utc = DashboardPeriod.of(null, null, null, null, now);
    assertEquals(LocalDate.parse("2026-03-02"), utc.from());
    assertEquals(ZoneId.of("UTC"), utc.zone());

    DashboardPeriod kiritimati = DashboardPeriod.of("today", null, null, "Pacific/Kiritimati", now);
    assertEquals(LocalDate.parse("2026-03-03"), kiritimati.from());
    assertEquals(LocalDate.parse("2026-03-03"), kiritimati.to());
  }

  @Test
  void shouldCompareEachPeriodWithTheOneJustBeforeOfTheSameLength() {
    DashboardPeriod today = DashboardPeriod.of("today", null, null, "UTC", now);
    assertEquals(LocalDate.parse("2026-03-01"), today.previous().from());
    assertEquals(LocalDate.parse("2026-03-01"), today.previous().to());
    assertEquals("yesterday", today.previousName());

    DashboardPeriod week = DashboardPeriod.of("last7days", null, null, "UTC", now);
    assertEquals(LocalDate.parse("2026-02-24"), week.from());
    assertEquals(LocalDate.parse("2026-02-17"), week.previous().from());
    assertEquals(LocalDate.parse("2026-02-23"), week.previous().to());

    DashboardPeriod month = DashboardPeriod.of("last30days", null, null, "UTC", now);
    assertEquals(30, month.days());
    assertEquals(month.from().minusDays(1), month.previous().to());

    DashboardPeriod custom =
        DashboardPeriod.of("custom", "2026-02-10", "2026-02-12", "Europe/Madrid", now);
    assertEquals(LocalDate.parse("2026-02-07"), custom.previous().from());
    assertEquals(LocalDate.parse("2026-02-09"), custom.previous().to());
    assertEquals("the 3 days before", custom.previousName());
  }

  @Test
  void shouldMakeSenseOfACustomRangeAsTyped() {
    DashboardPeriod reversed = DashboardPeriod.of("custom", "2026-02-12", "2026-02-10", "UTC", now);
    assertEquals(LocalDate.parse("2026-02-10"), reversed.from());
    assertEquals(LocalDate.parse("2026-02-12"), reversed.to());

    DashboardPeriod oneDay = DashboardPeriod.of("custom", "2026-02-12", "", "UTC", now);
    assertEquals(oneDay.from(), oneDay.to());

    DashboardPeriod unreadable = DashboardPeriod.of("custom", "12/02/2026", null, "UTC", now);
    assertEquals(LocalDate.parse("2026-03-02"), unreadable.from(), "today when unreadable");

    DashboardPeriod long_ = DashboardPeriod.of("custom", "2020-01-01", "2026-03-02", "UTC", now);
    assertEquals(366, long_.days(), "a year at most, ending where asked");
    assertEquals(LocalDate.parse("2026-03-02"), long_.to());
  }

  @Test
  void shouldFallBackToTodayInUtcForAnUnknownChoiceOrZone() {
    DashboardPeriod period = DashboardPeriod.of("forever", null, null, "Mars/Olympus", now);
    assertEquals("today", period.choice());
    assertEquals(ZoneId.of("UTC"), period.zone());
  }
}
