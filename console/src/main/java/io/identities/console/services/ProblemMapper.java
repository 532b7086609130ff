package io.identities.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's error answer into an exception: a refusal of the request (4xx, an RFC 9457
 * problem) into a {@link ServiceProblem} to show the user, a failure of the service (5xx) into a
 * {@link ServiceDown}, which its circuit breaker counts.
 */
@Provider
public class ProblemMapper implements ResponseExceptionMapper<RuntimeException> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public RuntimeException toThrowable(Response response) {
    if (response.getStatus() >= 500) {
      return new ServiceDown("answered " + response.getStatus());
    }
    String title = response.getStatusInfo().getReasonPhrase();
    String detail = null;
    List<ServiceProblem.FieldError> errors = new ArrayList<>();
    try {
      JsonNode body = JSON.readTree(response.readEntity(String.class));
      if (body != null && body.isObject()) {
        title = body.path("title").asText(title);
        detail = body.path("detail").isTextual() ? body.path("detail").asText() : null;
        for (JsonNode error : body.path("errors")) {
          errors.add(
              new ServiceProblem.FieldError(
                  error.path("field").asText(""), error.path("message").asText("")));
        }
      }
    } catch (Exception unreadable) {
      // not a problem body: the status and its reason phrase say enough
    }
    return new ServiceProblem(response.getStatus(), title, detail, errors);
  }
}
