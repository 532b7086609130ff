package io.identities.identity.api;

import io.identities.backbone.api.Versions;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An identity's configuration tabs (spec 3); each update publishes identity.updated. */
@Path("/api/identities/{id}")
@RolesAllowed(Roles.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Identity configuration")
public class IdentitySettingsResource {

  private final IdentityService identities;

  IdentitySettingsResource(IdentityService identities) {
    this.identities = identities;
  }

  @GET
  @Path("/linkedin-settings")
  @Operation(summary = "Daily LinkedIn limits and automatic withdrawal")
  public Response linkedin(@PathParam("id") UUID id) {
    Identity identity = identities.get(id);
    return answer(identity, LinkedInSettingsView.of(identity));
  }

  @PUT
  @Path("/linkedin-settings")
  @Operation(summary = "Set the daily LinkedIn limits and automatic withdrawal")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  @APIResponse(responseCode = "422", description = "Daily scrapings without Sales Navigator")
  public Response configureLinkedIn(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull LinkedInSettingsView.Request request) {
    Identity identity =
        identities.configureLinkedIn(id, Versions.expected(ifMatch), request.settings());
    return answer(identity, LinkedInSettingsView.of(identity));
  }

  @GET
  @Path("/email-settings")
  @Operation(summary = "Per-inbox sending limits and signature")
  public Response email(@PathParam("id") UUID id) {
    Identity identity = identities.get(id);
    return answer(identity, EmailSettingsView.of(identity));
  }

  @PUT
  @Path("/email-settings")
  @Operation(summary = "Set the per-inbox daily and hourly sending limits")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response configureEmail(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EmailSettingsView.Request request) {
    Identity identity =
        identities.configureEmail(id, Versions.expected(ifMatch), request.settings());
    return answer(identity, EmailSettingsView.of(identity));
  }

  @GET
  @Path("/signature")
  @Operation(summary = "The email signature, as HTML and as text")
  public Response signature(@PathParam("id") UUID id) {
    Identity identity = identities.get(id);
    return answer(identity, SignatureView.of(identity.signature, List.of()));
  }

  @PUT
  @Path("/signature")
  @Operation(
      summary = "Set the email signature",
      description =
          "Stored sanitized; scripts, event handlers, unsafe links, forms and frames are refused.")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response sign(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull SignatureView.Request request) {
    IdentityService.Signed signed =
        identities.sign(id, Versions.expected(ifMatch), request.mode(), request.html());
    return answer(
        signed.identity(), SignatureView.of(signed.identity().signature, signed.warnings()));
  }

  @GET
  @Path("/working-hours")
  @Operation(summary = "Time zone and weekly schedule in which campaigns act for the identity")
  public Response workingHours(@PathParam("id") UUID id) {
    Identity identity = identities.get(id);
    return answer(identity, identity.workingHours());
  }

  @PUT
  @Path("/working-hours")
  @Operation(summary = "Set the time zone and weekly schedule")
  @APIResponse(responseCode = "412", description = "If-Match names an older version")
  public Response schedule(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull WorkingHours request) {
    Identity identity = identities.schedule(id, Versions.expected(ifMatch), request);
    return answer(identity, identity.workingHours());
  }

  @GET
  @Path("/working-hours/next-window")
  @Operation(
      summary =
          "Whether the identity is active at an instant (default now), and its current or next window")
  public NextWindowView nextWindow(@PathParam("id") UUID id, @QueryParam("from") String from) {
    Identity identity = identities.get(id);
    Instant at = from == null ? Instant.now() : instant("from", from);
    return NextWindowView.of(identity.timeZone, at, identity.workingHours().windowAt(at));
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be an instant, e.g. 2026-11-27T09:30:00Z");
    }
  }

  private static Response answer(Identity identity, Object view) {
    return Response.ok(view).tag(Versions.etag(identity.version)).build();
  }
}
