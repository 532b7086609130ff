package io.identities.backbone.messaging;

import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's dead-letter queue, for operators (the {@code operator} role): not routed by the
 * gateway, reached inside the cluster (e.g. {@code kubectl port-forward}).
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations")
public class DeadLetterResource {

  private final DeadLetters deadLetters;
  private final Topology topology;

  DeadLetterResource(DeadLetters deadLetters, Topology topology) {
    this.deadLetters = deadLetters;
    this.topology = topology;
  }

  public record Depth(String queue, long messages) {}

  public record Replayed(String queue, int replayed, long left) {}

  @GET
  @Operation(summary = "How many messages wait in this service's dead-letter queue")
  public Depth depth() {
    return new Depth(topology.deadLetterQueue(), deadLetters.depth());
  }

  @POST
  @Path("/replay")
  @Operation(
      summary = "Put dead-lettered messages back into the service's queue, oldest first",
      description = "Once what made them fail is fixed: each is tried again, with its retries.")
  public Response replay(@QueryParam("limit") @DefaultValue("1000") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw ProblemException.invalidField("limit", "must be between 1 and 10000");
    }
    try {
      int replayed = deadLetters.replay(limit);
      return Response.ok(new Replayed(topology.deadLetterQueue(), replayed, deadLetters.depth()))
          .build();
    } catch (IOException e) {
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE,
          "Broker unavailable",
          "The messages could not be moved: " + e.getMessage(),
          java.util.List.of());
    }
  }
}
