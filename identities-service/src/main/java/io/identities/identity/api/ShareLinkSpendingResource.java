package io.identities.identity.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.share.ShareLinkKeeper.Reason;
import io.identities.backbone.share.ShareLinkKeeper.Spent;
import io.identities.identity.share.ShareLink;
import io.identities.identity.share.ShareLinkService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where the pages that take share links (linkedin-gateway's, email-gateway's) spend them: inside
 * the platform, never routed from outside (not under {@code /api}), with no platform token: the raw
 * token is the credential. The client is the backbone's {@link ShareLinkKeeper}.
 */
@Path(ShareLinkKeeper.SPENDING_PATH)
@PermitAll
@Tag(name = "Share links")
public class ShareLinkSpendingResource {

  private final ShareLinkService shareLinks;

  ShareLinkSpendingResource(ShareLinkService shareLinks) {
    this.shareLinks = shareLinks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Spend a share link (internal: for the share pages of the gateways)",
      description =
          "Spends the link behind the token once, whichever page spends it; the claim that spent"
              + " it gets the same answer again. Publishes identity.share-link.spent.")
  @APIResponse(
      responseCode = "200",
      description = "Spent now, or already by this claim",
      content = @Content(schema = @Schema(implementation = Spent.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid request: the offending fields are listed in `errors`",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "404",
      description = "No share link has this token",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "410",
      description = "Used by another claim (reason USED), or expired (reason EXPIRED)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = RefusedLink.class)))
  public Spent spend(@Valid @NotNull Spending request) {
    return shareLinks.spend(request.token(), request.claim(), request.spentOn());
  }

  @ServerExceptionMapper
  Response refused(ShareLink.Refused refused, UriInfo uri) {
    return Response.status(Response.Status.GONE)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new RefusedLink(
                Problem.BLANK,
                refused.reason() == Reason.USED ? "Share link used" : "Share link expired",
                Response.Status.GONE.getStatusCode(),
                refused.getMessage(),
                URI.create(uri.getPath()),
                refused.reason()))
        .build();
  }

  /**
   * A page spending a link.
   *
   * @param claim the page's attempt (e.g. its sign-in), opaque here: the same claim may retry
   * @param spentOn which page: {@code linkedin} or {@code email}
   */
  public record Spending(
      @NotNull @Size(max = 200) String token,
      @NotNull @Size(max = 200) String claim,
      @NotNull @Pattern(regexp = "linkedin|email", message = "must be linkedin or email")
          String spentOn) {}

  /** An RFC 9457 problem with the extension member {@code reason}: why the link is refused. */
  public record RefusedLink(
      URI type, String title, int status, String detail, URI instance, Reason reason) {}
}
