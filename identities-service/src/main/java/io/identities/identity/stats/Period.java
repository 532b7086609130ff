package io.identities.identity.stats;

import io.identities.backbone.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A span of whole local days in the caller's time zone, and the instants that bound it: days begin
 * at their real local midnight, so a period keeps its meaning across DST changes.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 */
public record Period(ZoneId zone, LocalDate from, LocalDate to) {

  /** The longest period a dashboard asks for. */
  static final long MAX_DAYS = 366;

  /**
   * @param name {@code today} (the default), {@code yesterday}, {@code last7days} or {@code
   *     last30days} (both ending today); ignored when {@code from} and {@code to} are given
   */
  public static Period resolve(String name, String from, String to, String tz, Instant now) {
    ZoneId zone;
    try {
      zone = ZoneId.of(tz == null ? "UTC" : tz);
    } catch (DateTimeException e) {
      throw ProblemException.invalidField("tz", "not an IANA time zone, e.g. Europe/Madrid");
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    if (from != null || to != null) {
      return between(zone, date("from", from), date("to", to));
    }
    return switch (name == null ? "today" : name) {
      case "today" -> new Period(zone, today, today);
      case "yesterday" -> new Period(zone, today.minusDays(1), today.minusDays(1));
      case "last7days" -> new Period(zone, today.minusDays(6), today);
      case "last30days" -> new Period(zone, today.minusDays(29), today);
      default ->
          throw ProblemException.invalidField(
              "period", "must be today, yesterday, last7days or last30days (or give from and to)");
    };
  }

  private static Period between(ZoneId zone, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ProblemException.invalidField("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw ProblemException.invalidField("to", "a period spans at most " + MAX_DAYS + " days");
    }
    return new Period(zone, from, to);
  }

  private static LocalDate date(String field, String value) {
    if (value == null) {
      throw ProblemException.invalidField(field, "required with the other end of the period");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(field, "must be a date, e.g. 2026-11-27");
    }
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** Exclusive. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length that ends the day before this one starts (to compare with). */
  public Period previous() {
    return new Period(zone, from.minusDays(days()), from.minusDays(1));
  }
}
