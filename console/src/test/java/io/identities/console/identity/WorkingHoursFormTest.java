package io.identities.console.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.console.services.Identities;
import io.identities.console.services.Identities.Interval;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingHoursFormTest {

  @Test
  void shouldPairEachDaysStartsAndEndsInOrderAndLeaveOutEmptySlotsAndDaysOff() {
    MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
    posted.putSingle("version", "7");
    posted.putSingle("timeZone", "madrid");
    posted.put("MONDAY.start", List.of("09:00", "15:00", ""));
    posted.put("MONDAY.end", List.of("13:00", "19:00", ""));
    posted.put("TUESDAY.start", List.of("10:00", ""));
    posted.put("TUESDAY.end", List.of("18:00", ""));
    posted.putSingle("TUESDAY.off", "on"); // off, whatever its hours say
    posted.put("SATURDAY.start", List.of(""));
    posted.put("SATURDAY.end", List.of(""));

    WorkingHoursForm form = WorkingHoursForm.read(posted);
    Identities.WorkingHours hours = form.hours();

    assertEquals("Europe/Madrid", hours.timeZone(), "a city typed alone is its zone");
    assertEquals(
        Map.of(
            DayOfWeek.MONDAY,
            List.of(new Interval("09:00", "13:00"), new Interval("15:00", "19:00"))),
        hours.week());
    assertEquals("\"7\"", form.ifMatch());
    assertTrue(form.problems().isEmpty());
  }

  @Test
  void shouldSayWhichDayHasHalfAnInterval() {
    MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
    posted.putSingle("timeZone", "Europe/Madrid");
    posted.put("WEDNESDAY.start", List.of("09:00"));
    posted.put("WEDNESDAY.end", List.of(""));

    WorkingHoursForm form = WorkingHoursForm.read(posted);

    assertEquals(List.of("WEDNESDAY"), List.copyOf(form.problems().keySet()));
    assertEquals(
        List.of(new Interval("09:00", "")),
        form.days().get(2).intervals(),
        "kept as typed, to be corrected");
  }

  @Test
  void shouldShowADayWithoutHoursAsOffAndEachDayWithAnEmptySlotMore() {
    WorkingHoursForm form =
        WorkingHoursForm.of(
            new Identities.WorkingHours(
                "UTC", Map.of(DayOfWeek.MONDAY, List.of(new Interval("09:00", "18:00")))),
            3);
    assertEquals(7, form.days().size());
    assertEquals(false, form.days().get(0).off());
    assertEquals(2, form.days().get(0).slots().size());
    assertEquals(true, form.days().get(6).off());
    assertEquals("Sunday", form.days().get(6).label());
  }
}
