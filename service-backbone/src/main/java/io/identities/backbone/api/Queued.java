package io.identities.backbone.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The answer to a request that queues work under an id the caller chose: 202 with the new work and
 * its location, or 200 with what the same id queued before (a retried request changes nothing).
 */
public final class Queued {

  private Queued() {}

  public static Response answer(boolean created, Object view, Object id, UriInfo uri) {
    return created
        ? Response.accepted(view)
            .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
            .build()
        : Response.ok(view).build();
  }
}
