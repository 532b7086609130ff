package io.identities.warmup.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How many warm-up emails an inbox sends on each day of its warm-up: 5 on day 1, rising in equal
 * steps to the ceiling (35 by default) on day 14, then held there to the end (day 21), each day
 * varied by up to ±15 %, the same for an inbox and a date however often it is asked.
 *
 * <p>Why this curve: a steady linear climb is what the peers that publish theirs use (Smartlead 5 →
 * 33 by day 14, lemwarm and warmbly a fixed daily increment to a 30–40 ceiling); reaching the
 * ceiling at day 14 leaves a week at full volume for the placement score to settle on before
 * completion. The daily variation keeps the volume from being a fingerprint of warm-up traffic.
 */
public final class Ramp {

  static final int FIRST_DAY = 5;
  static final int RAMP_DAYS = 14;
  static final double VARIATION = 0.15;

  private final int ceiling;

  public Ramp(int ceiling) {
    if (ceiling < FIRST_DAY) {
      throw new IllegalArgumentException("the ceiling must be at least " + FIRST_DAY);
    }
    this.ceiling = ceiling;
  }

  /**
   * The day of a warm-up started at {@code startedAt} it is at {@code now}, on the zone's calendar.
   */
  public static int dayOf(Instant startedAt, Instant now, ZoneId zone) {
    return (int)
            ChronoUnit.DAYS.between(
                startedAt.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate())
        + 1;
  }

  /** The day's target before variation: {@code day} counts from 1. */
  public int base(int day) {
    if (day < 1) {
      return 0;
    }
    if (day >= RAMP_DAYS) {
      return ceiling;
    }
    return FIRST_DAY + Math.round((ceiling - FIRST_DAY) * (day - 1) / (float) (RAMP_DAYS - 1));
  }

  /** The inbox's target on {@code date}, day {@code day} of its warm-up: the base, varied. */
  public int target(UUID inbox, LocalDate date, int day) {
    int base = base(day);
    if (base == 0) {
      return 0;
    }
    double factor = 1 + VARIATION * (2 * unit(inbox, date) - 1);
    return Math.max(1, (int) Math.round(base * factor));
  }

  /** A number in [0, 1) fixed by the inbox and the date. */
  private static double unit(UUID inbox, LocalDate date) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((inbox + "|" + date).getBytes(StandardCharsets.UTF_8));
      return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
