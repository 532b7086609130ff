package io.identities.backbone.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST, PUT or PATCH that carries no body and no content type (a bare {@code curl -X POST}) is
 * read as JSON with no body, for every endpoint of every service: where the body is optional it is
 * absent, where it is required validation names it in a 400, never a 415 about a content type the
 * caller did not send.
 */
public class EmptyBodies {

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @ServerRequestFilter(preMatching = true)
  public void readAsJson(ContainerRequestContext request) {
    if (WITH_BODY.contains(request.getMethod())
        && request.getMediaType() == null
        && isEmpty(request)) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
  }

  private static boolean isEmpty(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    return request.getHeaderString("Transfer-Encoding") == null
        && (length == null || length.trim().equals("0"));
  }
}
