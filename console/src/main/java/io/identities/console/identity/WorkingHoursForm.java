package io.identities.console.identity;

import io.identities.console.services.Identities;
import io.identities.console.services.Identities.Interval;
import io.identities.console.web.TimeZones;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Working hours tab as typed: the time zone (an IANA name, or a city found among them) and, per
 * weekday, its intervals ({@code MONDAY.start} and {@code MONDAY.end}, repeated, in order) or
 * {@code MONDAY.off}; and the version of the identity it was typed over. The service checks the
 * intervals (times, order, overlaps); the form only pairs them and says when half of one is
 * missing.
 *
 * @param timeZone the zone as typed
 * @param days each weekday, Monday first
 * @param version the identity's version the form was typed over
 * @param problems per weekday, what is wrong with it as typed
 */
public record WorkingHoursForm(
    String timeZone, List<Day> days, long version, Map<String, String> problems) {

  /** A weekday: off, or its intervals (shown with one more, empty, to add one). */
  public record Day(DayOfWeek day, boolean off, List<Interval> intervals) {

    public String name() {
      return day.name();
    }

    public String label() {
      return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The intervals and an empty one after them: a day takes as many as the user adds. */
    public List<Interval> slots() {
      List<Interval> slots = new ArrayList<>(intervals);
      slots.add(new Interval("", ""));
      return slots;
    }
  }

  /** The form filled in with the identity's working hours now. */
  static WorkingHoursForm of(Identities.WorkingHours hours, long version) {
    List<Day> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Interval> intervals = hours.week().getOrDefault(day, List.of());
      days.add(new Day(day, intervals.isEmpty(), intervals));
    }
    return new WorkingHoursForm(hours.timeZone(), days, version, Map.of());
  }

  /** The form as posted. */
  static WorkingHoursForm read(MultivaluedMap<String, String> posted) {
    Map<String, String> problems = new LinkedHashMap<>();
    List<Day> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<String> starts = values(posted, day + ".start");
      List<String> ends = values(posted, day + ".end");
      List<Interval> intervals = new ArrayList<>();
      for (int i = 0; i < Math.max(starts.size(), ends.size()); i++) {
        String start = at(starts, i);
        String end = at(ends, i);
        if (start.isEmpty() && end.isEmpty()) {
          continue;
        }
        if (start.isEmpty() || end.isEmpty()) {
          problems.put(day.name(), "Give each interval a start and an end, e.g. 09:00 to 18:00");
        }
        intervals.add(new Interval(start, end));
      }
      days.add(new Day(day, posted.containsKey(day + ".off"), intervals));
    }
    String version = posted.getFirst("version");
    return new WorkingHoursForm(
        posted.getFirst("timeZone") == null ? "" : posted.getFirst("timeZone").trim(),
        days,
        version == null || !version.matches("\\d{1,18}") ? 0 : Long.parseLong(version),
        problems);
  }

  /** The working hours to save: the zone named (a city typed alone found), days off left out. */
  Identities.WorkingHours hours() {
    Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (Day day : days) {
      if (!day.off() && !day.intervals().isEmpty()) {
        week.put(day.day(), day.intervals());
      }
    }
    return new Identities.WorkingHours(
        TimeZones.find(timeZone).map(zone -> zone.getId()).orElse(timeZone), week);
  }

  /** The same form over another version (someone saved meanwhile). */
  WorkingHoursForm over(long newVersion) {
    return new WorkingHoursForm(timeZone, days, newVersion, problems);
  }

  String ifMatch() {
    return "\"" + version + "\"";
  }

  public List<String> zones() {
    return TimeZones.ALL;
  }

  private static List<String> values(MultivaluedMap<String, String> posted, String key) {
    List<String> values = posted.get(key);
    return values == null ? List.of() : values;
  }

  private static String at(List<String> values, int i) {
    return i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
  }
}
