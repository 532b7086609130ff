package io.identities.backbone.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param errors for validation problems, each offending field and what is wrong with it
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** {@code about:blank}: the problem is just what its HTTP status says. */
  public static final URI BLANK = URI.create("about:blank");

  /** One offending field of a request; {@code field} is a JSON path such as {@code name}. */
  @RegisterForReflection
  public record FieldError(String field, String message) {}
}
