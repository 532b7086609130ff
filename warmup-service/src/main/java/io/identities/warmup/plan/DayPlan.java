package io.identities.warmup.plan;

import io.identities.backbone.schedule.WorkingHours.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When an inbox's warm-up emails of a day go out: at random moments of what is left of the day's
 * working hours, uniformly spread but never closer than the gap given (8 minutes by default: what a
 * person writing mail looks like, no bursts, no round minutes, no fixed rhythm to fingerprint). A
 * day with too little time left sends fewer.
 */
public final class DayPlan {

  private DayPlan() {}

  /**
   * Up to {@code count} moments inside {@code windows} (one day's, earliest first) and after {@code
   * from}, earliest first: {@code count} uniform points in the open time less the gaps, sorted,
   * then each pushed on by the gaps before it.
   */
  public static List<Instant> times(
      List<Window> windows, Instant from, int count, Duration minGap, RandomGenerator random) {
    List<Window> open = new ArrayList<>();
    long seconds = 0;
    for (Window window : windows) {
      Instant opens = window.opensAt().isAfter(from) ? window.opensAt() : from;
      if (window.closesAt().isAfter(opens)) {
        open.add(new Window(false, opens, window.closesAt()));
        seconds += Duration.between(opens, window.closesAt()).toSeconds();
      }
    }
    long gap = Math.max(1, minGap.toSeconds());
    int planned = seconds == 0 ? 0 : (int) Math.min(count, (seconds - 1) / gap + 1);
    long free = seconds - (planned - 1) * gap;
    long[] points = new long[planned];
    for (int i = 0; i < planned; i++) {
      points[i] = random.nextLong(free);
    }
    Arrays.sort(points);
    List<Instant> times = new ArrayList<>(planned);
    for (int i = 0; i < planned; i++) {
      times.add(at(open, points[i] + i * gap));
    }
    return times;
  }

  /** The moment {@code offset} seconds into the open time. */
  private static Instant at(List<Window> open, long offset) {
    long left = offset;
    for (Window window : open) {
      long length = Duration.between(window.opensAt(), window.closesAt()).toSeconds();
      if (left < length) {
        return window.opensAt().plusSeconds(left);
      }
      left -= length;
    }
    throw new IllegalArgumentException("beyond the open time: " + offset);
  }
}
