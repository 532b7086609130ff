package io.identities.identity.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.domain.IdentityPicture;
import io.identities.identity.domain.IdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/identities/{id}/picture")
@RolesAllowed(Roles.MEMBER)
@Tag(name = "Identities")
public class IdentityPictureResource {

  private static final CacheControl PRIVATE_HOUR = CacheControl.valueOf("private, max-age=3600");

  private final IdentityService identities;

  IdentityPictureResource(IdentityService identities) {
    this.identities = identities;
  }

  @PUT
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary =
          "Upload or replace the profile picture (multipart part `file`, PNG or JPEG, at most 5 MB)")
  @APIResponse(responseCode = "413", description = "Larger than 5 MB")
  @APIResponse(responseCode = "415", description = "Not a PNG or JPEG image")
  public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file)
      throws IOException {
    if (file == null) {
      throw ProblemException.invalidField(
          "file", "a multipart part named file holding the picture is required");
    }
    // no larger than the HTTP body limit (8 MB); the normalizer refuses one too large by its size
    IdentityPicture picture = identities.setPicture(id, Files.readAllBytes(file.uploadedFile()));
    return Response.ok(
            new PictureView(
                "/api/identities/" + id + "/picture",
                picture.contentType,
                picture.width,
                picture.height))
        .tag(new EntityTag(picture.sha256))
        .build();
  }

  @GET
  @Produces({"image/png", "image/jpeg", Problem.MEDIA_TYPE})
  @Operation(summary = "The profile picture; answers 304 to a matching If-None-Match")
  public Response get(@PathParam("id") UUID id, Request request) {
    IdentityPicture picture = identities.picture(id);
    EntityTag etag = new EntityTag(picture.sha256);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
    if (unchanged != null) {
      return unchanged.cacheControl(PRIVATE_HOUR).tag(etag).build();
    }
    return Response.ok(picture.data, picture.contentType)
        .tag(etag)
        .cacheControl(PRIVATE_HOUR)
        .build();
  }

  @DELETE
  @Produces(Problem.MEDIA_TYPE)
  @Operation(summary = "Remove the profile picture")
  @APIResponse(responseCode = "204", description = "Removed")
  public void delete(@PathParam("id") UUID id) {
    identities.removePicture(id);
  }

  /** Where the stored picture is served, and what it became. */
  public record PictureView(String url, String contentType, int width, int height) {}
}
