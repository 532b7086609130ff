package io.identities.identity.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.share.ShareLinkService;
import io.identities.identity.share.ShareLinkService.LinkToShare;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Share links (spec 2C, "Share Identity Link"): valid 24 hours, usable once. The bodies are
 * optional, so no content type is required.
 */
@Path("/api/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Share links")
public class ShareLinkResource {

  private final ShareLinkService shareLinks;

  ShareLinkResource(ShareLinkService shareLinks) {
    this.shareLinks = shareLinks;
  }

  @POST
  @Path("/share-links")
  @Operation(
      summary = "A link for someone without a platform account to add their identity",
      description =
          "The person opens the URL in a browser and connects their LinkedIn account; the identity"
              + " is created in the caller's organization. The body may name the identity.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = LinkToShare.class)))
  public Response forNewIdentity(@Valid NewIdentityLinkRequest request) {
    return created(shareLinks.forNewIdentity(request == null ? null : request.identityName()));
  }

  @POST
  @Path("/{id}/share-links")
  @Operation(
      summary = "A link for the identity's owner to refresh its connection",
      description = "The owner opens the URL in a browser and connects the LinkedIn account again.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = LinkToShare.class)))
  public Response forIdentity(@PathParam("id") UUID id) {
    return created(shareLinks.forIdentity(id));
  }

  private static Response created(LinkToShare link) {
    return Response.status(Response.Status.CREATED).entity(link).build();
  }

  /** Optionally, the name the new identity will have; the visitor is asked when it is absent. */
  public record NewIdentityLinkRequest(@Size(min = 1, max = 120) String identityName) {}
}
