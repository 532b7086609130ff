package io.identities.warmup.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReputationTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-21");

  @Test
  void shouldScoreInboxPlacementOverFourteenDaysRecentDaysWeighingMore() {
    assertEquals(OptionalInt.of(100), Reputation.score(days(14, 10, 0, 0), TODAY, 14));
    assertEquals(OptionalInt.of(50), Reputation.score(days(14, 5, 5, 0), TODAY, 14));

    List<DayPlacement> spamLongAgo = days(14, 10, 0, 0);
    spamLongAgo.set(0, new DayPlacement(TODAY.minusDays(13), 0, 10, 0)); // weight 1 of 105
    List<DayPlacement> spamToday = days(14, 10, 0, 0);
    spamToday.set(13, new DayPlacement(TODAY, 0, 10, 0)); // weight 14 of 105
    assertEquals(OptionalInt.of(99), Reputation.score(spamLongAgo, TODAY, 14)); // 1 - 1/105
    assertEquals(OptionalInt.of(87), Reputation.score(spamToday, TODAY, 14)); // 1 - 14/105

    List<DayPlacement> older = new ArrayList<>(days(14, 10, 0, 0));
    older.add(new DayPlacement(TODAY.minusDays(14), 0, 50, 0));
    assertEquals(OptionalInt.of(100), Reputation.score(older, TODAY, 15), "15 days ago is out");
  }

  @Test
  void shouldSubtractTheLastThreeDaysBouncesAndWaitForEnoughMail() {
    List<DayPlacement> bounced = days(14, 9, 0, 0);
    bounced.set(13, new DayPlacement(TODAY, 9, 0, 3)); // 3 of the last 3 days' 30 attempts
    assertEquals(OptionalInt.of(90), Reputation.score(bounced, TODAY, 14));

    assertEquals(OptionalInt.empty(), Reputation.score(days(2, 20, 0, 0), TODAY, 2), "day 2");
    assertEquals(OptionalInt.empty(), Reputation.score(days(3, 6, 0, 0), TODAY, 3), "18 landed");
    assertEquals(OptionalInt.of(100), Reputation.score(days(3, 7, 0, 0), TODAY, 3));

    List<Reputation.DayScore> history =
        Reputation.history(days(4, 7, 0, 0), TODAY.minusDays(3), TODAY);
    assertEquals(4, history.size());
    assertNull(history.get(1).score(), "day 2: too early");
    assertEquals(100, history.get(3).score());
  }

  @Test
  void shouldSlowThenPauseOnSpamAndCallAnInboxReadyOnlyWhenItScoresAndLands() {
    assertEquals(Safeguard.NONE, Safeguard.of(days(7, 9, 1, 0).subList(0, 1), TODAY), "too few");
    assertEquals(Safeguard.NONE, Safeguard.of(days(7, 19, 1, 0), TODAY)); // 5 %
    assertEquals(Safeguard.SLOW, Safeguard.of(days(7, 9, 1, 0), TODAY)); // 10 %
    assertEquals(Safeguard.SLOWER, Safeguard.of(days(7, 17, 3, 0), TODAY)); // 15 %
    assertEquals(Safeguard.PAUSE, Safeguard.of(days(7, 8, 2, 0), TODAY)); // 20 %

    assertTrue(Reputation.ready(days(21, 30, 1, 0), TODAY, 21));
    assertFalse(Reputation.ready(days(21, 8, 2, 0), TODAY, 21), "80 % placement");
    assertFalse(Reputation.ready(days(2, 5, 0, 0), TODAY, 21), "too little landed to tell");
  }

  /** {@code count} days up to today, each with these placements. */
  private static List<DayPlacement> days(int count, int inbox, int spam, int bounced) {
    List<DayPlacement> days = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      days.add(new DayPlacement(TODAY.minusDays(i), inbox, spam, bounced));
    }
    return days;
  }
}
