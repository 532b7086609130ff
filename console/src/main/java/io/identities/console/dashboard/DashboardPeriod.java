package io.identities.console.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The dashboard's period as the user chose it (Today by default, Yesterday, Last 7 days, Last 30
 * days, or a custom range of days), in the user's time zone. identities-service answers the figures
 * of the period of the same length just before it too, which the cards show beside under {@link
 * #previousName()}.
 *
 * @param choice today, yesterday, last7days, last30days or custom
 * @param from the first day
 * @param to the last day (inclusive)
 * @param zone the time zone the days are counted in
 */
public record DashboardPeriod(String choice, LocalDate from, LocalDate to, ZoneId zone) {

  /** The longest custom range: a year. */
  static final long MAX_DAYS = 366;

  /** The period a user asked for in {@code zoneId}; an unknown choice falls back to Today. */
  public static DashboardPeriod of(
      String choice, String from, String to, ZoneId zoneId, java.time.Instant now) {
    LocalDate today = now.atZone(zoneId).toLocalDate();
    return switch (choice == null ? "today" : choice) {
      case "yesterday" ->
          new DashboardPeriod("yesterday", today.minusDays(1), today.minusDays(1), zoneId);
      case "last7days" -> new DashboardPeriod("last7days", today.minusDays(6), today, zoneId);
      case "last30days" -> new DashboardPeriod("last30days", today.minusDays(29), today, zoneId);
      case "custom" -> custom(from, to, today, zoneId);
      default -> new DashboardPeriod("today", today, today, zoneId);
    };
  }

  private static DashboardPeriod custom(String from, String to, LocalDate today, ZoneId zone) {
    LocalDate first = day(from, today);
    LocalDate last = day(to, first);
    if (last.isBefore(first)) {
      LocalDate swap = first;
      first = last;
      last = swap;
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      first = last.minusDays(MAX_DAYS - 1);
    }
    return new DashboardPeriod("custom", first, last, zone);
  }

  private static LocalDate day(String text, LocalDate otherwise) {
    try {
      return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  /** How many days the period spans. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The days as people read them: "4 Dec 2026", "5 Nov – 4 Dec 2026", "29 Dec 2025 – 4 Jan 2026".
   */
  public String label() {
    if (from.equals(to)) {
      return DAY.format(to);
    }
    return (from.getYear() == to.getYear() ? DAY_OF_YEAR : DAY).format(from)
        + " – "
        + DAY.format(to);
  }

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_OF_YEAR =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /** How the previous period is named beside a figure. */
  public String previousName() {
    return switch (choice) {
      case "today" -> "yesterday";
      case "yesterday" -> "the day before";
      case "last7days" -> "the 7 days before";
      case "last30days" -> "the 30 days before";
      default -> days() == 1 ? "the day before" : "the " + days() + " days before";
    };
  }
}
