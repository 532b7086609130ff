package io.identities.backbone.schedule;

import io.identities.backbone.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When an identity is active: a weekly schedule of local-time intervals in an IANA time zone.
 * Campaigns act for the identity only inside these windows (identities-service answers the next
 * window; the gateways defer actions to it).
 *
 * @param timeZone IANA zone id, e.g. {@code Europe/Madrid}
 * @param week per weekday, non-overlapping intervals; a day without entry is inactive
 */
@RegisterForReflection
public record WorkingHours(String timeZone, Map<DayOfWeek, List<Interval>> week) {

  /** How far ahead {@link #windowAt} looks for an opening: one week covers every schedule. */
  private static final int DAYS_AHEAD = 8;

  /** Spec: active Monday to Friday, 09:00 to 18:00, in the identity's zone. */
  public static WorkingHours standard(String timeZone) {
    Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, List.of(new Interval("09:00", "18:00")));
    }
    return new WorkingHours(timeZone, week);
  }

  /**
   * Whether the identity is active at {@code at}, and the window that contains it or comes next.
   * Touching intervals (18:00-24:00 then 00:00-02:00) form one window; a window that never closes
   * within the week ahead reports the end of that week. Computed on the zone's real calendar, so a
   * window keeps its local hours across daylight-saving changes; an opening inside a spring-forward
   * gap moves to the first valid instant after it.
   *
   * @return empty when the schedule has no interval at all
   */
  public Optional<Window> windowAt(Instant at) {
    ZoneId zone = ZoneId.of(timeZone);
    LocalDate today = at.atZone(zone).toLocalDate();
    List<Window> windows = new ArrayList<>();
    for (LocalDate day = today.minusDays(1);
        !day.isAfter(today.plusDays(DAYS_AHEAD));
        day = day.plusDays(1)) {
      for (Interval interval : week.getOrDefault(day.getDayOfWeek(), List.of())) {
        windows.add(new Window(false, interval.opensOn(day, zone), interval.closesOn(day, zone)));
      }
    }
    windows.sort(Comparator.comparing(Window::opensAt));
    List<Window> merged = new ArrayList<>();
    for (Window window : windows) {
      int last = merged.size() - 1;
      if (last >= 0 && !window.opensAt().isAfter(merged.get(last).closesAt())) {
        Window previous = merged.get(last);
        merged.set(
            last,
            new Window(false, previous.opensAt(), max(previous.closesAt(), window.closesAt())));
      } else {
        merged.add(window);
      }
    }
    return merged.stream()
        .filter(window -> window.closesAt().isAfter(at))
        .findFirst()
        .map(
            window ->
                new Window(!window.opensAt().isAfter(at), window.opensAt(), window.closesAt()));
  }

  /** The intervals of {@code day} (a date in the zone), earliest first, as instants. */
  public List<Window> windowsOn(LocalDate day) {
    ZoneId zone = ZoneId.of(timeZone);
    return week.getOrDefault(day.getDayOfWeek(), List.of()).stream()
        .map(
            interval ->
                new Window(false, interval.opensOn(day, zone), interval.closesOn(day, zone)))
        .sorted(Comparator.comparing(Window::opensAt))
        .toList();
  }

  /**
   * What is wrong with this schedule, each with the JSON path of the offending field: an unknown
   * zone, a malformed time, an interval that ends before it starts, intervals that overlap.
   */
  public List<Problem.FieldError> errors() {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (timeZone == null) {
      errors.add(
          new Problem.FieldError("timeZone", "required: an IANA time zone, e.g. Europe/Madrid"));
    } else if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
      errors.add(new Problem.FieldError("timeZone", "not an IANA time zone, e.g. Europe/Madrid"));
    }
    if (week == null) {
      errors.add(new Problem.FieldError("week", "must not be null"));
      return errors;
    }
    week.forEach(
        (day, intervals) -> {
          List<int[]> valid = new ArrayList<>();
          for (int i = 0; i < (intervals == null ? 0 : intervals.size()); i++) {
            String field = "week." + day + "[" + i + "]";
            Interval interval = intervals.get(i);
            try {
              int[] minutes = {interval.startMinute(), interval.endMinute()};
              if (minutes[0] >= minutes[1]) {
                errors.add(new Problem.FieldError(field, "ends before it starts"));
              } else if (valid.stream().anyMatch(o -> minutes[0] < o[1] && o[0] < minutes[1])) {
                errors.add(new Problem.FieldError(field, "overlaps another interval of the day"));
              } else {
                valid.add(minutes);
              }
            } catch (DateTimeException | NullPointerException e) {
              errors.add(new Problem.FieldError(field, "times must read HH:mm (end may be 24:00)"));
            }
          }
        });
    return errors;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * One interval of a day, local time, {@code HH:mm}; {@code end} is exclusive and may be {@code
   * 24:00} (the end of the day).
   */
  @RegisterForReflection
  public record Interval(String start, String end) {

    public static final String END_OF_DAY = "24:00";

    /** Minutes since midnight; throws {@link java.time.DateTimeException} when malformed. */
    public int startMinute() {
      return minutes(start);
    }

    public int endMinute() {
      return END_OF_DAY.equals(end) ? 24 * 60 : minutes(end);
    }

    Instant opensOn(LocalDate day, ZoneId zone) {
      return ZonedDateTime.of(day, LocalTime.parse(start), zone).toInstant();
    }

    Instant closesOn(LocalDate day, ZoneId zone) {
      return END_OF_DAY.equals(end)
          ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : ZonedDateTime.of(day, LocalTime.parse(end), zone).toInstant();
    }

    private static int minutes(String time) {
      if (time == null || !time.matches("\\d{2}:\\d{2}")) {
        throw new DateTimeException("'" + time + "' is not a HH:mm time");
      }
      LocalTime local = LocalTime.parse(time);
      return local.getHour() * 60 + local.getMinute();
    }
  }

  /**
   * An active window: {@code active} tells whether the asked instant lies inside it; otherwise it
   * is the next one to open.
   */
  @RegisterForReflection
  public record Window(boolean active, Instant opensAt, Instant closesAt) {}
}
