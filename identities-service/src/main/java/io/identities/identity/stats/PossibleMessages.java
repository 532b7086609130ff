package io.identities.identity.stats;

import io.identities.backbone.schedule.RampUp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The LinkedIn messages the platform lets one identity send over a period, the dashboard's
 * "messages possible": its daily message limit on each day of the period (a local day of the
 * period's time zone) on which it existed and its account was connected, if only for a moment;
 * ramped up, by the account's {@link RampUp}, on the first days of a new account. Days before the
 * identity was created, or without a connected account, count nothing.
 */
public final class PossibleMessages {

  private PossibleMessages() {}

  /**
   * A span the identity's account was connected.
   *
   * @param until null while it still is
   * @param rampUp the account's ramp-up; null for none (full limits from the first day)
   */
  public record Connected(Instant from, Instant until, RampUp rampUp) {}

  /**
   * Each day is counted once, whatever spans it falls in; only a ramp's days are counted one by
   * one.
   */
  public static long of(
      Period period, int dailyLimit, Instant createdAt, List<Connected> connections) {
    LocalDate uncounted = later(period.from(), day(createdAt, period));
    long possible = 0;
    for (Connected span :
        connections.stream().sorted(Comparator.comparing(Connected::from)).toList()) {
      LocalDate first = later(uncounted, day(span.from(), period));
      LocalDate last =
          span.until() == null ? period.to() : earlier(period.to(), day(span.until(), period));
      if (!first.isAfter(last)) {
        possible += between(first, last, dailyLimit, span.rampUp());
        uncounted = last.plusDays(1);
      }
    }
    return possible;
  }

  /** The limits of the days {@code first} to {@code last}, both included. */
  private static long between(LocalDate first, LocalDate last, int dailyLimit, RampUp rampUp) {
    int limit = Math.max(0, dailyLimit);
    if (rampUp == null) {
      return days(first, last) * limit;
    }
    LocalDate starts = rampUp.startsOn();
    LocalDate over = starts.plusDays(Math.max(0, rampUp.days())); // the first day at full limits
    long possible = days(first, earlier(last, starts.minusDays(1))) * rampUp.limitOn(limit, starts);
    for (LocalDate day = later(first, starts);
        !day.isAfter(last) && day.isBefore(over);
        day = day.plusDays(1)) {
      possible += rampUp.limitOn(limit, day);
    }
    return possible + days(later(first, over), last) * limit;
  }

  /** How many days from {@code first} to {@code last}, both included; 0 when none. */
  private static long days(LocalDate first, LocalDate last) {
    return Math.max(0, last.toEpochDay() - first.toEpochDay() + 1);
  }

  private static LocalDate day(Instant at, Period period) {
    return at.atZone(period.zone()).toLocalDate();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
