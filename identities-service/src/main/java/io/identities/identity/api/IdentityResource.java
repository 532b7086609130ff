package io.identities.identity.api;

import io.identities.backbone.api.Page;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/identities")
@RolesAllowed(Roles.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Identities")
public class IdentityResource {

  private final IdentityService identities;

  IdentityResource(IdentityService identities) {
    this.identities = identities;
  }

  @POST
  @Operation(summary = "Create an identity", description = "Publishes identity.created.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it, ETag carries its version",
      content = @Content(schema = @Schema(implementation = IdentityView.class)))
  public Response create(@Valid @NotNull CreateIdentityRequest request, UriInfo uri) {
    Identity identity = identities.create(request.name());
    return Response.created(uri.getAbsolutePathBuilder().path(identity.id.toString()).build())
        .tag(etag(identity))
        .entity(IdentityView.of(identity))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One identity of the caller's organization")
  @APIResponse(
      responseCode = "200",
      description = "The identity; ETag carries its version",
      content = @Content(schema = @Schema(implementation = IdentityView.class)))
  public Response get(@PathParam("id") UUID id) {
    Identity identity = identities.get(id);
    return Response.ok(IdentityView.of(identity)).tag(etag(identity)).build();
  }

  @GET
  @Operation(summary = "The organization's identities, by name, one page at a time")
  public Page<IdentityView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return identities.list(page, size, IdentityView::of);
  }

  private static EntityTag etag(Identity identity) {
    return new EntityTag(String.valueOf(identity.version));
  }
}
