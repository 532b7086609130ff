package io.identities.warmup.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.schedule.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DayPlanTest {

  private static final Duration GAP = Duration.ofMinutes(8);
  private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");
  private static final WorkingHours SPLIT_DAY =
      new WorkingHours(
          "Europe/Madrid",
          Map.of(
              MONDAY.getDayOfWeek(),
              List.of(
                  new WorkingHours.Interval("09:00", "13:00"),
                  new WorkingHours.Interval("15:00", "18:00"))));

  @Test
  void shouldSpreadTheDaysEmailsInsideItsWorkingHoursNeverCloseTogether() {
    List<WorkingHours.Window> windows = SPLIT_DAY.windowsOn(MONDAY);
    for (long seed = 0; seed < 200; seed++) {
      List<Instant> times =
          DayPlan.times(
              windows, Instant.parse("2026-12-07T00:00:00Z"), 35, GAP, new SplittableRandom(seed));
      assertEquals(35, times.size());
      for (int i = 0; i < times.size(); i++) {
        Instant at = times.get(i);
        assertTrue(
            windows.stream().anyMatch(w -> !at.isBefore(w.opensAt()) && at.isBefore(w.closesAt())),
            "in working hours (Madrid): " + at);
        if (i > 0) {
          assertTrue(
              Duration.between(times.get(i - 1), at).compareTo(Duration.ofMinutes(8)) >= 0,
              "never in a burst: " + times.get(i - 1) + " then " + at);
        }
      }
    }
  }

  @Test
  void shouldPlanOnlyWhatFitsInTheRestOfTheDay() {
    List<WorkingHours.Window> windows = SPLIT_DAY.windowsOn(MONDAY);
    Instant lateAfternoon = Instant.parse("2026-12-07T16:30:00Z"); // 17:30 in Madrid
    List<Instant> times = DayPlan.times(windows, lateAfternoon, 20, GAP, new SplittableRandom(1));
    assertEquals(4, times.size(), "30 minutes left: 4 emails at most, 8 minutes apart");
    assertTrue(times.get(0).isAfter(lateAfternoon));
    assertTrue(times.get(3).isBefore(Instant.parse("2026-12-07T17:00:00Z")));
    assertEquals(
        List.of(),
        DayPlan.times(
            SPLIT_DAY.windowsOn(MONDAY.plusDays(5)),
            lateAfternoon,
            20,
            GAP,
            new SplittableRandom(1)),
        "a day off sends nothing");
  }
}
