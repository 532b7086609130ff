package io.identities.warmup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ramp, day by day, without a database. */
class RampTest {

  private final Ramp ramp = new Ramp(35);

  @Test
  void shouldStartAtFiveAndClimbInEqualStepsToTheCeilingOnDayFourteenThenHold() {
    List<Integer> days = IntStream.rangeClosed(1, 21).map(ramp::base).boxed().toList();

    assertEquals(5, days.get(0));
    assertEquals(35, days.get(13), "day 14");
    assertEquals(List.of(35, 35, 35, 35, 35, 35, 35, 35), days.subList(13, 21));
    for (int day = 1; day < 14; day++) {
      int step = days.get(day) - days.get(day - 1);
      assertTrue(step == 2 || step == 3, "day " + (day + 1) + " climbs by " + step);
    }
    assertEquals(0, ramp.base(0), "before the warm-up");
  }

  @Test
  void shouldVaryEachDayWithinFifteenPercentTheSameWayEveryTimeItIsAsked() {
    UUID inbox = UUID.randomUUID();
    LocalDate start = LocalDate.of(2027, 1, 4);
    Set<Integer> targets = new HashSet<>();
    for (int day = 1; day <= 21; day++) {
      LocalDate date = start.plusDays(day - 1);
      int target = ramp.target(inbox, date, day);
      int base = ramp.base(day);
      assertTrue(
          target >= Math.floor(base * 0.85) && target <= Math.ceil(base * 1.15),
          "day " + day + ": " + target + " for " + base);
      assertEquals(target, ramp.target(inbox, date, day), "the same answer again");
      if (day >= 14) {
        targets.add(target);
      }
    }
    assertTrue(targets.size() > 1, "the full-volume days are not all alike: " + targets);
    long differ =
        IntStream.range(0, 20)
            .filter(
                i ->
                    ramp.target(UUID.randomUUID(), start.plusDays(20), 21)
                        != ramp.target(inbox, start.plusDays(20), 21))
            .count();
    assertNotEquals(0, differ, "inboxes vary apart from one another");
  }

  @Test
  void shouldRefuseACeilingBelowTheFirstDay() {
    assertThrows(IllegalArgumentException.class, () -> new Ramp(4));
  }
}
