package io.identities.backbone.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.schedule.WorkingHours.Interval;
import io.identities.backbone.schedule.WorkingHours.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Europe/Madrid springs forward on 2026-03-29 (02:00 -> 03:00) and falls back on 2026-10-25. */
class WorkingHoursTest {

  private static final String MADRID = "Europe/Madrid";
  private final WorkingHours standard = WorkingHours.standard(MADRID);

  @Test
  void shouldBeActiveInsideTheStandardHours() {
    Window window =
        standard.windowAt(Instant.parse("2026-03-23T09:00:00Z")).orElseThrow(); // Mon 10:00 CET

    assertTrue(window.active());
    assertEquals(Instant.parse("2026-03-23T08:00:00Z"), window.opensAt());
    assertEquals(Instant.parse("2026-03-23T17:00:00Z"), window.closesAt());
  }

  @Test
  void shouldOpenOnMondayAtNineLocalTimeAfterTheSpringChange() {
    Window window =
        standard.windowAt(Instant.parse("2026-03-27T18:00:00Z")).orElseThrow(); // Fri 19:00 CET

    assertFalse(window.active());
    assertEquals(Instant.parse("2026-03-30T07:00:00Z"), window.opensAt()); // 09:00 CEST
    assertEquals(Instant.parse("2026-03-30T16:00:00Z"), window.closesAt());
  }

  @Test
  void shouldOpenOnMondayAtNineLocalTimeAfterTheAutumnChange() {
    Window window =
        standard.windowAt(Instant.parse("2026-10-23T17:00:00Z")).orElseThrow(); // Fri 19:00 CEST

    assertFalse(window.active());
    assertEquals(Instant.parse("2026-10-26T08:00:00Z"), window.opensAt()); // 09:00 CET
    assertEquals(Instant.parse("2026-10-26T17:00:00Z"), window.closesAt());
  }

  @Test
  void shouldLastThreeRealHoursOnTheSpringNightAndFiveOnTheAutumnNight() {
    WorkingHours nights =
        new WorkingHours(MADRID, Map.of(DayOfWeek.SUNDAY, List.of(new Interval("01:00", "05:00"))));

    Window spring = nights.windowAt(Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();
    Window autumn = nights.windowAt(Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();

    assertEquals(Instant.parse("2026-03-29T00:00:00Z"), spring.opensAt()); // 01:00 CET
    assertEquals(Duration.ofHours(3), Duration.between(spring.opensAt(), spring.closesAt()));
    assertEquals(Instant.parse("2026-10-24T23:00:00Z"), autumn.opensAt()); // 01:00 CEST
    assertEquals(Duration.ofHours(5), Duration.between(autumn.opensAt(), autumn.closesAt()));
  }

  @Test
  void shouldOpenAnIntervalThatStartsInTheSpringGapRightAfterIt() {
    WorkingHours gap =
        new WorkingHours(MADRID, Map.of(DayOfWeek.SUNDAY, List.of(new Interval("02:30", "04:00"))));

    Window window = gap.windowAt(Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();

    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), window.opensAt()); // 03:30 CEST
    assertEquals(Instant.parse("2026-03-29T02:00:00Z"), window.closesAt()); // 04:00 CEST
  }

  @Test
  void shouldJoinIntervalsThatTouchAcrossMidnight() {
    WorkingHours lateShift =
        new WorkingHours(
            "UTC",
            Map.of(
                DayOfWeek.MONDAY, List.of(new Interval("22:00", "24:00")),
                DayOfWeek.TUESDAY,
                    List.of(new Interval("00:00", "02:00"), new Interval("09:00", "10:00"))));

    Window window = lateShift.windowAt(Instant.parse("2026-03-23T23:00:00Z")).orElseThrow();

    assertTrue(window.active());
    assertEquals(Instant.parse("2026-03-23T22:00:00Z"), window.opensAt());
    assertEquals(Instant.parse("2026-03-24T02:00:00Z"), window.closesAt());
  }

  @Test
  void shouldHaveNoWindowWithoutAnyInterval() {
    assertTrue(new WorkingHours(MADRID, Map.of()).windowAt(Instant.now()).isEmpty());
  }

  @Test
  void shouldNameEveryMistakeOfASchedule() {
    WorkingHours wrong =
        new WorkingHours(
            "Mars/Olympus",
            Map.of(
                DayOfWeek.MONDAY,
                List.of(
                    new Interval("09:00", "13:00"),
                    new Interval("12:00", "14:00"),
                    new Interval("18:00", "17:00")),
                DayOfWeek.TUESDAY,
                List.of(new Interval("9am", "17:00"))));

    assertEquals(
        List.of(
            new Problem.FieldError("timeZone", "not an IANA time zone, e.g. Europe/Madrid"),
            new Problem.FieldError("week.MONDAY[1]", "overlaps another interval of the day"),
            new Problem.FieldError("week.MONDAY[2]", "ends before it starts"),
            new Problem.FieldError("week.TUESDAY[0]", "times must read HH:mm (end may be 24:00)")),
        wrong.errors().stream()
            .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
            .toList());
    assertTrue(standard.errors().isEmpty());
  }

  @Test
  void shouldSayAMissingTimeZoneIsRequired() {
    assertEquals(
        List.of(
            new Problem.FieldError("timeZone", "required: an IANA time zone, e.g. Europe/Madrid")),
        new WorkingHours(null, Map.of()).errors());
  }
}
