package io.identities.email.api;

import io.identities.backbone.api.IdentityIdList;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.email.domain.InboxService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inboxes of many identities at once, for a page of the console's dashboard. */
@Path("/api/email/inboxes")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Email")
public class InboxesOfIdentitiesResource {

  private final InboxService inboxes;

  InboxesOfIdentitiesResource(InboxService inboxes) {
    this.inboxes = inboxes;
  }

  @GET
  @Operation(
      summary = "The inboxes of several identities",
      description =
          "Each inbox as an identity's own list shows it, with its identityId; in the order of the"
              + " identities asked for, each identity's by address. Ids that are not identities of"
              + " the organization have no inboxes here.")
  @APIResponse(
      responseCode = "400",
      description =
          "No identity ids, more than " + IdentityIdList.MAX + ", or one that is not a UUID")
  public Inboxes list(
      @QueryParam("identityIds")
          @Parameter(
              description =
                  "1 to "
                      + IdentityIdList.MAX
                      + " identity ids, comma-separated or the parameter repeated")
          List<String> identityIds) {
    return new Inboxes(
        inboxes.inboxes(IdentityIdList.parse("identityIds", identityIds)).stream()
            .map(state -> InboxView.of(state.inbox(), state.load()))
            .toList());
  }

  public record Inboxes(List<InboxView> items) {}
}
