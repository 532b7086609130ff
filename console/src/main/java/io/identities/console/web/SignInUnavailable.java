package io.identities.console.web;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The organization's identity provider out of reach while a request is being signed in: that fails
 * before any page runs (authentication comes first), so the console's page saying so is answered
 * from here, not the framework's plain error.
 */
@ApplicationScoped
public class SignInUnavailable {

  private static final Logger LOG = Logger.getLogger(SignInUnavailable.class);

  void install(@Observes Router router) {
    router.route().failureHandler(this::answer);
  }

  private void answer(RoutingContext request) {
    if (!providerOutOfReach(request.failure()) || request.response().headWritten()) {
      request.next();
      return;
    }
    LOG.warnf("the identity provider is unavailable: %s", request.failure().getMessage());
    request
        .response()
        .setStatusCode(503)
        .putHeader("Content-Type", "text/html;charset=UTF-8")
        .putHeader("Retry-After", "30")
        .end(ErrorPages.signInUnavailable().render());
  }

  private static boolean providerOutOfReach(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OIDCException) {
        return true;
      }
    }
    return false;
  }
}
