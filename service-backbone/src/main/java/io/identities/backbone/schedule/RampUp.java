package io.identities.backbone.schedule;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The ramp-up of a newly connected LinkedIn account: its daily limits start at 20 % on the day it
 * was first connected (its local day) and grow linearly to 100 % over {@code days} days (0.20 +
 * 0.80 d / days). linkedin-gateway paces by it; identities-service counts what is possible by it.
 *
 * @param startsOn the local day the account was first connected
 * @param days how many days the ramp lasts
 */
@RegisterForReflection
public record RampUp(LocalDate startsOn, int days) {

  /** Days since the ramp started on {@code day} (0 on its first day), at most {@link #days}. */
  public long dayOf(LocalDate day) {
    return Math.min(days, Math.max(0, ChronoUnit.DAYS.between(startsOn, day)));
  }

  /** Whether the ramp is over on {@code day}. */
  public boolean isOverOn(LocalDate day) {
    return dayOf(day) >= days;
  }

  /** The share of its limits the account may use on {@code day}: 1 after the ramp. */
  public double share(LocalDate day) {
    return isOverOn(day) ? 1 : (20.0 * days + 80.0 * dayOf(day)) / (100.0 * days);
  }

  /** The limit times the day's share, rounded up, in whole numbers (no rounding drift). */
  public int limitOn(int limit, LocalDate day) {
    if (limit <= 0) {
      return 0;
    }
    if (days <= 0) {
      return limit;
    }
    long whole = 100L * days;
    long scaled = limit * (20L * days + 80L * dayOf(day));
    return (int) Math.max(1, (scaled + whole - 1) / whole);
  }
}
