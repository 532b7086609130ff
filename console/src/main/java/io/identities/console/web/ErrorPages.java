package io.identities.console.web;

import io.identities.console.services.ServiceDown;
import io.identities.console.services.ServiceProblem;
import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page for every error, in the console's look: not found, no access, a service down, or anything
 * else (with an incident id in the log, never a stack trace on the page).
 */
public class ErrorPages {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class);

  @CheckedTemplate(basePath = "")
  static class Templates {
    static native TemplateInstance error(Viewer viewer, String title, String message);
  }

  @Inject Viewer viewer;

  @ServerExceptionMapper
  Response refused(ServiceProblem problem) {
    return switch (problem.status()) {
      case 404 ->
          page(
              404,
              "Not found",
              "There is no such identity in your organization, or it was deleted.");
      case 401, 403 ->
          page(
              403,
              "No access",
              "Your account may not see this. Ask an administrator of your organization.");
      default -> page(problem.status(), "That did not work", problem.message());
    };
  }

  @ServerExceptionMapper({
    ServiceDown.class,
    TimeoutException.class,
    CircuitBreakerOpenException.class,
    ProcessingException.class,
    ConnectException.class
  })
  Response down(Exception down) {
    LOG.warnf("a service is unavailable: %s", down.toString());
    return page(
        503,
        "A service is not answering",
        "Part of the platform is not answering right now. Try again in a moment.");
  }

  /** What the console itself answers with a status: no such page, a method not allowed... */
  @ServerExceptionMapper
  Response status(WebApplicationException refused) {
    int status = refused.getResponse().getStatus();
    return status == 404
        ? page(404, "Not found", "There is no such page.")
        : page(
            status, "That did not work", refused.getResponse().getStatusInfo().getReasonPhrase());
  }

  /** The identity provider cannot be reached: nobody can sign in until it answers again. */
  @ServerExceptionMapper
  Response signInUnavailable(OIDCException unavailable) {
    LOG.warnf("the identity provider is unavailable: %s", unavailable.getMessage());
    return Response.status(503)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(signInUnavailable().render())
        .build();
  }

  /** Nobody can sign in, so nobody is shown as signed in. */
  static TemplateInstance signInUnavailable() {
    return Templates.error(
        null,
        "Sign-in is not available",
        "Your organization's sign-in service is not answering right now. Try again in a moment.");
  }

  @ServerExceptionMapper
  Response unexpected(Exception failure) {
    String incident = java.util.UUID.randomUUID().toString();
    LOG.errorf(failure, "incident %s", incident);
    return page(500, "Something went wrong", "We logged it as incident " + incident + ".");
  }

  private Response page(int status, String title, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.error(viewer.signedIn() ? viewer : null, title, message).render())
        .build();
  }
}
