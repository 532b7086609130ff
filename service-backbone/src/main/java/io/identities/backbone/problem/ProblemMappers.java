package io.identities.backbone.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.identities.backbone.api.BodyErrors;
import io.identities.backbone.database.DatabaseUnreachable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem response: never a stack trace, a class name or an
 * HTML page. Unexpected failures are logged with an incident id that the response carries.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response answer = respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    return e.retryAfter() == null
        ? answer
        : Response.fromResponse(answer)
            .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
            .build();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    boolean ourFault =
        e.getConstraintViolations().stream()
            .anyMatch(
                v ->
                    StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
    if (ourFault) {
      return unexpected(e, uri); // an answer that breaks its own contract is a bug, not bad input
    }
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return respond(
        Status.BAD_REQUEST, "Invalid request", "The request has invalid fields", uri, errors);
  }

  /** Named explicitly: Quarkus has a built-in mapper for this subtype that would win otherwise. */
  @ServerExceptionMapper
  public Response unreadable(MismatchedInputException e, UriInfo uri) {
    return unreadable((JsonProcessingException) e, uri);
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return respond(
          Status.BAD_REQUEST,
          "Invalid request",
          "The request has an invalid field",
          uri,
          List.of(BodyErrors.describe(mapping)));
    }
    return respond(
        Status.BAD_REQUEST, "Invalid request", "The body is not valid JSON", uri, List.of());
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(
            respond(
                Status.UNAUTHORIZED,
                "Unauthorized",
                "A valid bearer token is required: it is missing, expired, or not signed by the trusted issuer",
                uri,
                List.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        Status.FORBIDDEN, "Forbidden", "Your role does not allow this operation", uri, List.of());
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    Status status = Status.fromStatusCode(e.getResponse().getStatus());
    if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return unexpected(e, uri);
    }
    return respond(status, status.getReasonPhrase(), detail(status), uri, List.of());
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return problem(problem, uri);
      }
    }
    if (DatabaseUnreachable.isCauseOf(e)) {
      LOG.warnf("the database cannot be reached on %s: %s", uri.getPath(), e.toString());
      return Response.fromResponse(
              respond(
                  Status.SERVICE_UNAVAILABLE,
                  "Service unavailable",
                  "The service cannot reach its database right now; try again shortly",
                  uri,
                  List.of()))
          .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
    return respond(
        Status.INTERNAL_SERVER_ERROR,
        "Internal error",
        "Something went wrong on our side; incident " + incident,
        uri,
        List.of());
  }

  private static Response respond(
      Status status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
    return respond(status.getStatusCode(), title, detail, uri, errors);
  }

  private static Response respond(
      int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
    Problem body =
        new Problem(Problem.BLANK, title, status, detail, URI.create(uri.getPath()), errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }

  private static String detail(Status status) {
    return switch (status) {
      case BAD_REQUEST ->
          "The request is malformed: its body is not valid JSON or a parameter has the wrong format";
      case NOT_FOUND -> "There is nothing at this address";
      case METHOD_NOT_ALLOWED -> "This address does not accept this method";
      case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here";
      case NOT_ACCEPTABLE -> "No representation matches the Accept header";
      default -> status.getReasonPhrase();
    };
  }

  /**
   * The offending field as the client named it: {@code create.request.name} becomes {@code name}.
   */
  public static String field(ConstraintViolation<?> violation) {
    List<Path.Node> nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
    return nodes.stream()
        .filter(
            n ->
                n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
        .map(Path.Node::toString)
        .collect(
            Collectors.collectingAndThen(
                Collectors.joining("."),
                path -> path.isEmpty() ? nodes.get(nodes.size() - 1).getName() : path));
  }
}
