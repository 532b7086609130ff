package io.identities.backbone.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.problem.Problem.FieldError;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.problem.ProblemMappers;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * A JSON body with fields of the wrong type is answered with every wrong field at once, not only
 * the first one JSON mapping stopped at, together with what validation finds wrong in the others
 * ({@link BodyErrors}).
 */
@Provider
public class EveryFieldError implements ReaderInterceptor {

  private final ObjectMapper json;
  private final Validator validator;

  EveryFieldError(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !type.getSubtype().endsWith("json")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    try {
      return context.proceed();
    } catch (JsonMappingException first) {
      if (first.getPath().isEmpty()) {
        throw first; // the body as a whole is wrong: nothing to tell field by field
      }
      JsonNode tree;
      try {
        tree = json.readTree(body);
      } catch (JsonProcessingException unreadable) {
        throw first;
      }
      List<FieldError> errors =
          BodyErrors.of(
              json, tree, json.constructType(context.getGenericType()), first, this::violations);
      throw new ProblemException(
          Status.BAD_REQUEST,
          "Invalid request",
          errors.size() == 1
              ? "The request has an invalid field"
              : "The request has " + errors.size() + " invalid fields",
          errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }
  }

  private List<FieldError> violations(Object mapped) {
    return mapped == null
        ? List.of()
        : validator.validate(mapped).stream()
            .map(v -> new FieldError(ProblemMappers.field(v), v.getMessage()))
            .toList();
  }
}
