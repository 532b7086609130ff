package io.identities.linkedin.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.domain.LinkedInIdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/linkedin/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class LinkedInIdentityResource {

  private final LinkedInIdentityService identities;

  LinkedInIdentityResource(LinkedInIdentityService identities) {
    this.identities = identities;
  }

  @GET
  @Path("/{identityId}")
  @Operation(summary = "An identity's LinkedIn connection state and daily limits")
  public LinkedInIdentityView get(@PathParam("identityId") UUID identityId) {
    return LinkedInIdentityView.of(identities.get(identityId));
  }
}
