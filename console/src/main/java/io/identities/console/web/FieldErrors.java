package io.identities.console.web;

import io.identities.console.services.ServiceProblem;
import java.util.HashMap;
import java.util.Map;

/**
 * What a service said about a form: its words per field (shown next to the field) and about the
 * whole request (shown above the form).
 */
public record FieldErrors(Map<String, String> fields, String general) {

  public static final FieldErrors NONE = new FieldErrors(Map.of(), null);

  /**
   * The problem's words, each on the form field it names ({@code formFields}: the service's name of
   * a field, e.g. {@code contact.email}, ends with the form's); what names no form field goes above
   * the form.
   */
  public static FieldErrors of(ServiceProblem problem, String... formFields) {
    Map<String, String> fields = new HashMap<>();
    for (String field : formFields) {
      String message = problem.about(field);
      if (message != null) {
        fields.put(field, message);
      }
    }
    boolean everyErrorPlaced =
        !problem.errors().isEmpty() && fields.size() == problem.errors().size();
    return new FieldErrors(fields, everyErrorPlaced ? null : problem.message());
  }

  /** One field's error, for a field the console checks itself. */
  public static FieldErrors of(String field, String message) {
    return new FieldErrors(Map.of(field, message), null);
  }

  public String about(String field) {
    return fields.get(field);
  }

  public boolean any() {
    return general != null || !fields.isEmpty();
  }
}
