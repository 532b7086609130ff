package io.identities.email.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.email.domain.InboxService;
import io.identities.email.domain.MailProvider;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailEndpoint;
import io.identities.email.oauth.OAuthService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An identity's inboxes (spec "Email Settings": connect one or several addresses). */
@Path("/api/email/identities/{identityId}/inboxes")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Email")
public class InboxResource {

  private final InboxService inboxes;
  private final OAuthService oauth;

  InboxResource(InboxService inboxes, OAuthService oauth) {
    this.inboxes = inboxes;
    this.oauth = oauth;
  }

  @GET
  @Operation(summary = "The inboxes connected to an identity")
  public List<InboxView> list(@PathParam("identityId") UUID identityId) {
    return inboxes.inboxes(identityId).stream()
        .map(state -> InboxView.of(state.inbox(), state.load()))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Connect an IMAP/SMTP inbox, or connect the identity's inbox again",
      description =
          "Logs in to the SMTP and the IMAP server first; the inbox is saved only when both accept."
              + " The password is stored encrypted and never shown.")
  @APIResponse(responseCode = "201", description = "Connected")
  @APIResponse(
      responseCode = "200",
      description = "The identity's inbox with this address, connected again")
  @APIResponse(
      responseCode = "409",
      description = "Another identity of the organization has this address")
  @APIResponse(
      responseCode = "422",
      description =
          "Authentication refused, TLS failure or host unreachable (the title says which)")
  @APIResponse(responseCode = "504", description = "A server did not answer in time")
  public Response connect(
      @PathParam("identityId") UUID identityId,
      @Valid @NotNull ConnectInboxRequest request,
      @Context UriInfo uri) {
    InboxService.Connected connected = inboxes.connect(identityId, request.account());
    InboxView view = InboxView.of(connected.inbox());
    return connected.created()
        ? Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
            .entity(view)
            .build()
        : Response.ok(view).build();
  }

  @POST
  @Path("/oauth")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start connecting a Google or Microsoft inbox",
      description =
          "Answers the provider's authorization URL to open in the inbox owner's browser (valid 10"
              + " minutes, once); the provider sends the browser back to /api/email/oauth/callback,"
              + " which connects the inbox.")
  public Response start(
      @PathParam("identityId") UUID identityId, @Valid @NotNull StartRequest request) {
    OAuthService.Started started = oauth.start(identityId, request.provider());
    return Response.status(Response.Status.CREATED)
        .entity(new StartView(started.authorizationUrl(), started.expiresAt()))
        .build();
  }

  public record StartRequest(@NotNull MailProvider provider) {}

  public record StartView(URI authorizationUrl, Instant expiresAt) {}

  @DELETE
  @Path("/{inboxId}/connection")
  @Operation(
      summary = "Disconnect an inbox",
      description =
          "Its credentials are forgotten and it sends nothing more until connected again.")
  public InboxView disconnect(
      @PathParam("identityId") UUID identityId, @PathParam("inboxId") UUID inboxId) {
    return InboxView.of(inboxes.disconnect(identityId, inboxId));
  }

  /** An IMAP/SMTP inbox; {@code username} defaults to the address. */
  public record ConnectInboxRequest(
      @NotBlank @Email @Size(max = 254) String address,
      @Size(max = 254) String username,
      @NotBlank @Size(max = 1024) String password,
      @NotNull @Valid Server smtp,
      @NotNull @Valid Server imap) {

    MailAccount account() {
      return new MailAccount(address, smtp.endpoint(), imap.endpoint(), username, password, false);
    }

    @Override
    public String toString() {
      return "ConnectInboxRequest[" + address + "]";
    }
  }

  public record Server(
      @NotBlank @Size(max = 253) String host,
      @Min(1) @Max(65535) int port,
      @NotNull MailEndpoint.Security security) {

    MailEndpoint endpoint() {
      return new MailEndpoint(host.strip(), port, security);
    }
  }
}
