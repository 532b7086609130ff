package io.identities.backbone.api;

import io.identities.backbone.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An address (path and query) longer than any this platform's APIs and pages make is answered 414
 * with a problem body saying how long it was and what is accepted. The HTTP server takes request
 * lines up to 64 KiB ({@code quarkus.http.limits.max-initial-line-length}) so that such a request
 * reaches this filter; past that, Vert.x closes it with an empty 414 before any code runs (and an
 * edge proxy such as Envoy refuses it first, at 60 KiB of headers).
 */
public class LongAddresses {

  /** The longest address accepted: far above any search, filter or page this platform serves. */
  public static final int MOST_CHARACTERS = 8192;

  @ServerRequestFilter(preMatching = true)
  public void refuseLong(HttpServerRequest request) {
    int length = request.uri().length();
    if (length > MOST_CHARACTERS) {
      throw new ProblemException(
          414,
          "URI too long",
          "The address is "
              + length
              + " characters long; at most "
              + MOST_CHARACTERS
              + " are accepted (send long input in a request body)",
          List.of());
    }
  }
}
