package io.identities.linkedin.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.domain.ConnectionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/linkedin/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class LinkedInIdentityResource {

  private final ConnectionService connections;

  LinkedInIdentityResource(ConnectionService connections) {
    this.connections = connections;
  }

  @GET
  @Path("/{identityId}")
  @Operation(summary = "An identity's LinkedIn connection state and daily limits")
  public LinkedInIdentityView get(@PathParam("identityId") UUID identityId) {
    return LinkedInIdentityView.of(connections.identity(identityId));
  }

  @DELETE
  @Path("/{identityId}/session")
  @Operation(
      summary = "Disconnect the identity's LinkedIn account",
      description = "Publishes linkedin.session.disconnected.")
  @APIResponse(responseCode = "204", description = "Disconnected")
  public void disconnect(@PathParam("identityId") UUID identityId) {
    connections.disconnect(identityId);
  }
}
