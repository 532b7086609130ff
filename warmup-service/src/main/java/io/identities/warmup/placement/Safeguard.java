package io.identities.warmup.placement;

import java.time.LocalDate;
import java.util.List;

/**
 * What spam placement does to an inbox's warm-up, from its last 7 days once 20 emails have landed:
 * below 10 % in spam nothing; from 10 % the day's volume is cut to 70 %, from 15 % to 50 %; from 20
 * % the warm-up pauses for 3 days (the ramp waits with it), to stop teaching the providers that
 * this inbox sends spam.
 *
 * <p>Why these bands: they are warmbly's published watch/throttle/block bands, the most explicit
 * among the peers; cutting volume early is what the best products do before they have to stop.
 */
public enum Safeguard {
  NONE(1.0),
  SLOW(0.7),
  SLOWER(0.5),
  PAUSE(0.0);

  static final int DAYS = 7;
  static final int MIN_LANDED = 20;

  private final double volume;

  Safeguard(double volume) {
    this.volume = volume;
  }

  /** The share of the ramp's target the inbox sends. */
  public double volume() {
    return volume;
  }

  public static Safeguard of(List<DayPlacement> placements, LocalDate today) {
    if (Reputation.landed(placements, today, DAYS) < MIN_LANDED) {
      return NONE;
    }
    double spam = Reputation.spamRate(placements, today, DAYS);
    if (spam >= 0.20) {
      return PAUSE;
    }
    if (spam >= 0.15) {
      return SLOWER;
    }
    return spam >= 0.10 ? SLOW : NONE;
  }
}
