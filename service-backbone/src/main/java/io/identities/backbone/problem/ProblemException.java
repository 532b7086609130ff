package io.identities.backbone.problem;

import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.List;

/**
 * A failure the caller can act on, answered as a problem response with its status. Domain code
 * throws one of the factories below; nothing it wrote in the transaction is kept.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;
  private Duration retryAfter;

  public ProblemException(
      Status status, String title, String detail, List<Problem.FieldError> errors) {
    this(status.getStatusCode(), title, detail, errors);
  }

  /** For statuses JAX-RS has no constant for, such as 422. */
  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        Status.NOT_FOUND, "Not found", what + " " + id + " does not exist", List.of());
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Status.CONFLICT, "Conflict", detail, List.of());
  }

  public static ProblemException staleUpdate(String detail) {
    return new ProblemException(Status.PRECONDITION_FAILED, "Stale update", detail, List.of());
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(422, "Unprocessable request", detail, List.of());
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        Status.BAD_REQUEST,
        "Invalid request",
        "The request has an invalid field",
        List.of(new Problem.FieldError(field, message)));
  }

  /** 429, with the {@code Retry-After} the caller should wait. */
  public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
    ProblemException problem = new ProblemException(429, "Too many requests", detail, List.of());
    problem.retryAfter = retryAfter;
    return problem;
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Status.FORBIDDEN, "Forbidden", detail, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  /** How long the caller should wait before trying again; null when that is not the point. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
