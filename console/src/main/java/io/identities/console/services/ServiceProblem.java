package io.identities.console.services;

import java.util.List;

/**
 * A service refused a request with an RFC 9457 problem: its status, its words, and the fields it
 * names, to be shown next to those fields.
 */
public class ServiceProblem extends RuntimeException {

  /** One invalid field of the request, in the service's words. */
  public record FieldError(String field, String message) {}

  private final int status;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;

  public ServiceProblem(int status, String title, String detail, List<FieldError> errors) {
    super(status + " " + title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  /** What went wrong, in plain words: the detail when the service gave one, else the title. */
  public String message() {
    return detail != null && !detail.isBlank() ? detail : title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The service's words about {@code field}, or null when it named no such field. */
  public String about(String field) {
    return errors.stream()
        .filter(e -> field.equals(e.field()) || e.field().endsWith("." + field))
        .map(FieldError::message)
        .findFirst()
        .orElse(null);
  }
}
