package io.identities.backbone.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identities.backbone.problem.Problem.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is wrong with a request body that JSON mapping refused, field by field: Jackson stops at the
 * first field it cannot map, so the body is mapped again without that field until it maps, and
 * every refusal found on the way is reported at once, each saying what the field must be.
 */
public final class BodyErrors {

  /** Enough for any body a person writes; a body with more is answered with the first ones. */
  private static final int MOST_ERRORS = 50;

  private BodyErrors() {}

  /**
   * Every field of {@code body} that cannot be mapped to {@code type}, the first being {@code
   * first}; {@code validate} adds what is wrong with the object made of the rest (e.g. Bean
   * Validation), for fields not already reported.
   */
  public static List<FieldError> of(
      ObjectMapper json,
      JsonNode body,
      JavaType type,
      JsonMappingException first,
      Function<Object, List<FieldError>> validate) {
    List<FieldError> errors = new ArrayList<>();
    JsonMappingException refused = first;
    for (int i = 0; i < MOST_ERRORS && refused != null; i++) {
      if (refused.getPath().isEmpty() || !remove(body, refused.getPath())) {
        if (errors.isEmpty()) {
          errors.add(describe(refused));
        }
        return errors;
      }
      errors.add(describe(refused));
      try {
        Object mapped = json.readerFor(type).readValue(body);
        refused = null;
        List<String> reported = errors.stream().map(FieldError::field).toList();
        validate.apply(mapped).stream()
            .filter(e -> !reported.contains(e.field()))
            .forEach(errors::add);
      } catch (JsonMappingException next) {
        refused = next;
      } catch (IOException e) {
        return errors;
      }
    }
    return errors;
  }

  /** What a client is told about one field JSON mapping refused. */
  public static FieldError describe(JsonMappingException e) {
    return new FieldError(path(e), message(e));
  }

  /** The refused field as the client named it: {@code week.MONDAY[0].start}. */
  public static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidFormatException format
        && TrimmedStrings.NUL_REFUSED.equals(format.getOriginalMessage())) {
      return TrimmedStrings.NUL_REFUSED;
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return mustBe(mismatch.getTargetType());
    }
    return "wrong type or format";
  }

  private static final Map<Class<?>, String> FORMATS =
      Map.ofEntries(
          Map.entry(String.class, "must be a string"),
          Map.entry(UUID.class, "must be a UUID, e.g. 3f2c9d1e-8b7a-4c6d-9e5f-1a2b3c4d5e6f"),
          Map.entry(Instant.class, "must be a date and time, e.g. 2026-01-31T09:30:00Z"),
          Map.entry(OffsetDateTime.class, "must be a date and time, e.g. 2026-01-31T09:30:00Z"),
          Map.entry(ZonedDateTime.class, "must be a date and time, e.g. 2026-01-31T09:30:00Z"),
          Map.entry(LocalDate.class, "must be a date, e.g. 2026-01-31"),
          Map.entry(LocalTime.class, "must be a time, e.g. 09:30"),
          Map.entry(Duration.class, "must be a duration, e.g. PT15M"),
          Map.entry(ZoneId.class, "must be an IANA time zone, e.g. Europe/Madrid"),
          Map.entry(Boolean.class, "must be true or false"),
          Map.entry(boolean.class, "must be true or false"),
          Map.entry(BigDecimal.class, "must be a number"),
          Map.entry(Double.class, "must be a number"),
          Map.entry(double.class, "must be a number"),
          Map.entry(Float.class, "must be a number"),
          Map.entry(float.class, "must be a number"));

  private static String mustBe(Class<?> type) {
    if (type.isEnum()) {
      return "must be one of: "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (FORMATS.containsKey(type)) {
      return FORMATS.get(type);
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == BigInteger.class) {
      return "must be a whole number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java")) {
      return "must be an object";
    }
    return "wrong type or format";
  }

  /**
   * Takes the refused field out of the body: a member of an object is removed, an item of a list
   * becomes null (the others keep their index). False when the path is not in the body.
   */
  private static boolean remove(JsonNode body, List<JsonMappingException.Reference> path) {
    JsonNode parent = body;
    for (JsonMappingException.Reference ref : path.subList(0, path.size() - 1)) {
      parent =
          ref.getFieldName() != null ? parent.get(ref.getFieldName()) : parent.get(ref.getIndex());
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (last.getFieldName() != null && parent instanceof ObjectNode object) {
      return object.remove(last.getFieldName()) != null;
    }
    if (last.getIndex() >= 0 && parent instanceof ArrayNode list && last.getIndex() < list.size()) {
      if (list.get(last.getIndex()).isNull()) {
        return false;
      }
      list.set(last.getIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }
}
