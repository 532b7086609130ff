package io.identities.backbone.api;

import io.identities.backbone.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a representation's version is its ETag, and an update may send
 * it back in {@code If-Match} to be refused (412) if someone changed the record meanwhile.
 */
public final class Versions {

  private Versions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(String.valueOf(version));
  }

  /**
   * The version an {@code If-Match} header expects; null when there is none or it is {@code *}.
   *
   * @throws ProblemException 400 when it is not one of our ETags
   */
  public static Long expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip().replaceFirst("^W/", "");
    if (!tag.matches("\"\\d{1,18}\"")) {
      throw ProblemException.invalidField(
          "If-Match", "must be an ETag this API returned, e.g. \"3\"");
    }
    return Long.parseLong(tag.substring(1, tag.length() - 1));
  }
}
