package io.identities.identity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identities.backbone.api.Page;
import io.identities.backbone.api.Versions;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/identities")
@RolesAllowed(Roles.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Identities")
public class IdentityResource {

  private final IdentityService identities;
  private final ObjectMapper json;
  private final Validator validator;

  IdentityResource(IdentityService identities, ObjectMapper json, Validator validator) {
    this.identities = identities;
    this.json = json;
    this.validator = validator;
  }

  @POST
  @Operation(summary = "Create an identity manually", description = "Publishes identity.created.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it, ETag carries its version",
      content = @Content(schema = @Schema(implementation = IdentityView.class)))
  public Response create(@Valid @NotNull ContactDetailsRequest request, UriInfo uri) {
    Identity identity = identities.create(request.name(), request.contact());
    return Response.created(uri.getAbsolutePathBuilder().path(identity.id.toString()).build())
        .tag(Versions.etag(identity.version))
        .entity(IdentityView.of(identity))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One identity of the caller's organization, with its configuration")
  @APIResponse(
      responseCode = "200",
      description = "The identity; ETag carries its version",
      content = @Content(schema = @Schema(implementation = IdentityView.class)))
  public Response get(@PathParam("id") UUID id) {
    return answer(identities.get(id));
  }

  @PUT
  @Path("/{id}")
  @Operation(
      summary = "Replace the name and contact details",
      description = "Publishes identity.updated.")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response describe(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ContactDetailsRequest request) {
    return answer(
        identities.describe(id, Versions.expected(ifMatch), request.name(), request.contact()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(ContactDetailsPatch.MEDIA_TYPE)
  @Operation(
      summary = "Change some of the name and contact details",
      description =
          "A JSON Merge Patch (RFC 7396): a member present sets its field, null clears it, an"
              + " absent one is left as it is; validated as PUT is. Publishes identity.updated.")
  @RequestBody(
      content =
          @Content(
              mediaType = ContactDetailsPatch.MEDIA_TYPE,
              schema = @Schema(implementation = ContactDetailsRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The identity; ETag carries its new version",
      content = @Content(schema = @Schema(implementation = IdentityView.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response amend(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull ObjectNode patch)
      throws JsonProcessingException {
    ContactDetailsPatch changes = ContactDetailsPatch.read(patch, json, validator);
    return answer(identities.amend(id, Versions.expected(ifMatch), changes::applyTo));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Delete an identity",
      description = "Publishes identity.deleted: the gateways stop acting for it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    identities.delete(id, Versions.expected(ifMatch));
  }

  @GET
  @Operation(summary = "Search the organization's identities by name, one page at a time")
  public Page<IdentityView> search(
      @Valid @BeanParam FilterParameters filter, @Valid @BeanParam PageParameters page) {
    return identities.search(page.of(filter.filter()), IdentityView::of);
  }

  private static Response answer(Identity identity) {
    return Response.ok(IdentityView.of(identity)).tag(Versions.etag(identity.version)).build();
  }
}
