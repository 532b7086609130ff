package io.identities.backbone.api;

import io.identities.backbone.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query or path parameter with a NUL character (PostgreSQL refuses it in text: it would
 * be a 500) with a 400 naming the parameter, for every endpoint of every service.
 */
public class NulParameters {

  @ServerRequestFilter
  public void refuseNul(UriInfo uri) {
    check(uri.getQueryParameters());
    check(uri.getPathParameters());
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf(TrimmedStrings.NUL) >= 0) {
          throw ProblemException.invalidField(parameter.getKey(), TrimmedStrings.NUL_REFUSED);
        }
      }
    }
  }
}
