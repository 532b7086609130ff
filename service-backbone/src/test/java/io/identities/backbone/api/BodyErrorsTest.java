package io.identities.backbone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.problem.Problem.FieldError;
import io.identities.backbone.problem.ProblemMappers;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class BodyErrorsTest {

  enum Mode {
    TEXT,
    HTML
  }

  record Request(
      @NotBlank String name,
      @Size(max = 5) String note,
      Integer dailyLimit,
      Boolean autoWithdraw,
      Mode mode,
      List<String> tags,
      Map<DayOfWeek, String> week) {}

  private final ObjectMapper json = mapper();
  private final Validator validator =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  @Test
  void shouldRefuseNumberBooleanObjectOrListWhereAStringIsExpected() {
    for (String value : List.of("123", "true", "{\"a\":1}", "[\"a\"]", "1.5")) {
      assertEquals(
          List.of(new FieldError("name", "must be a string")),
          errors("{\"name\":" + value + "}"),
          value);
    }
  }

  @Test
  void shouldRefuseTextOrFractionsWhereAWholeNumberIsExpectedAndNumbersForBooleans() {
    assertEquals(
        List.of(new FieldError("dailyLimit", "must be a whole number")),
        errors("{\"name\":\"Ada\",\"dailyLimit\":\"30\"}"));
    assertEquals(
        List.of(new FieldError("dailyLimit", "must be a whole number")),
        errors("{\"name\":\"Ada\",\"dailyLimit\":2.5}"));
    assertEquals(
        List.of(new FieldError("autoWithdraw", "must be true or false")),
        errors("{\"name\":\"Ada\",\"autoWithdraw\":1}"));
    assertEquals(
        List.of(new FieldError("autoWithdraw", "must be true or false")),
        errors("{\"name\":\"Ada\",\"autoWithdraw\":\"yes\"}"));
  }

  @Test
  void shouldListTheAllowedValuesOfAnUnknownEnumValue() {
    assertEquals(
        List.of(new FieldError("mode", "must be one of: TEXT, HTML")),
        errors("{\"name\":\"Ada\",\"mode\":\"markdown\"}"));
    assertEquals(
        "must be one of: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY",
        errors("{\"name\":\"Ada\",\"week\":{\"FUNDAY\":\"x\"}}").get(0).message());
  }

  @Test
  void shouldReportEveryWrongFieldAtOnceWithWhatValidationFindsInTheOthers() {
    assertEquals(
        List.of(
            new FieldError("autoWithdraw", "must be true or false"),
            new FieldError("dailyLimit", "must be a whole number"),
            new FieldError("mode", "must be one of: TEXT, HTML"),
            new FieldError("name", "must not be blank"),
            new FieldError("note", "size must be between 0 and 5"),
            new FieldError("tags[1]", "must be a string"),
            new FieldError("unknown", "unknown field")),
        errors(
            "{\"name\":\" \",\"note\":\"far too long\",\"dailyLimit\":\"x\",\"autoWithdraw\":2,"
                + "\"mode\":\"html\",\"tags\":[\"a\",7,\"b\"],\"unknown\":1}"));
  }

  private List<FieldError> errors(String body) {
    try {
      json.readValue(body, Request.class);
      throw new AssertionError("mapped: " + body);
    } catch (JsonMappingException first) {
      try {
        JsonNode tree = json.readTree(body);
        return BodyErrors.of(
                json,
                tree,
                json.constructType(Request.class),
                first,
                mapped ->
                    validator.validate(mapped).stream()
                        .map(v -> new FieldError(ProblemMappers.field(v), v.getMessage()))
                        .toList())
            .stream()
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new TrimmedStrings().customize(mapper);
    new StrictScalars().customize(mapper);
    return mapper;
  }
}
