package io.identities.backbone.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.schedule.WorkingHours.Interval;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** Stores the weekly schedule as JSON: {@code {"MONDAY":[{"start":"09:00","end":"18:00"}]}}. */
@Converter
public class WorkingWeekConverter
    implements AttributeConverter<Map<DayOfWeek, List<Interval>>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<DayOfWeek, List<Interval>>> WEEK =
      new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<DayOfWeek, List<Interval>> week) {
    try {
      return JSON.writeValueAsString(week);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<DayOfWeek, List<Interval>> convertToEntityAttribute(String json) {
    try {
      return JSON.readValue(json, WEEK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
