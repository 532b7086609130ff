package io.identities.email.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.email.domain.EmailIdentityService;
import io.identities.email.domain.Inbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/email/identities/{identityId}/inboxes")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Email")
public class InboxResource {

  private final EmailIdentityService identities;

  InboxResource(EmailIdentityService identities) {
    this.identities = identities;
  }

  @GET
  @Operation(summary = "The inboxes connected to an identity")
  public List<Inbox> list(@PathParam("identityId") UUID identityId) {
    return identities.inboxes(identityId);
  }
}
