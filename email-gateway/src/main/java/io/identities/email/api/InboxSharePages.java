package io.identities.email.api;

import io.identities.backbone.pages.PublicPages;
import io.identities.backbone.pages.ShareCsrf;
import io.identities.backbone.problem.ProblemException;
import io.identities.email.domain.Inbox;
import io.identities.email.share.InboxShareService;
import io.identities.email.share.InboxShareService.Opened;
import io.identities.email.share.InboxShareService.UnusableLinkException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The email page of an identity's update share link (public, gated by the link's token): its owner
 * reconnects an inbox that stopped sending. Plain forms, no script, CSRF double-submit.
 */
@Path("/share/email/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Share pages")
public class InboxSharePages {

  private final InboxShareService shares;

  @Context UriInfo uri;

  InboxSharePages(InboxShareService shares) {
    this.shares = shares;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance inboxes(Page page, String csrf, String error);

    static native TemplateInstance reconnected(Page page, String address);

    static native TemplateInstance unusable(InboxShareService.Unusable reason);
  }

  /** What the page says: the link's organization and identity, and the inboxes to reconnect. */
  public record Page(
      String path, String organization, String invitedBy, String identityName, List<Row> inboxes) {

    static Page of(String token, Opened opened) {
      return new Page(
          "/share/email/" + token,
          opened.link().organizationName,
          opened.link().invitedBy,
          opened.identityName(),
          opened.disconnected().stream().map(Row::of).toList());
    }
  }

  /** An inbox to reconnect: with its password, or by authorizing it at its provider. */
  public record Row(UUID id, String address, String status, String provider, boolean oauth) {
    static Row of(Inbox inbox) {
      return new Row(
          inbox.id,
          inbox.address,
          inbox.statusReason == null
              ? inbox.status.name().toLowerCase()
              : "paused: " + inbox.statusReason,
          inbox.provider.label(),
          InboxShareService.authorizedWithOAuth(inbox));
    }
  }

  @GET
  @Operation(summary = "The identity's inboxes that stopped sending, to reconnect")
  public Response show(@RestPath String token, @CookieParam(ShareCsrf.COOKIE) String cookie) {
    String csrf = ShareCsrf.token(cookie);
    return page(200, Templates.inboxes(Page.of(token, shares.open(token)), csrf, null), csrf);
  }

  @POST
  @Path("/inboxes/{inboxId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Reconnect an inbox with its password")
  public Response reconnect(
      @RestPath String token,
      @RestPath UUID inboxId,
      @CookieParam(ShareCsrf.COOKIE) String cookie,
      @RestForm(ShareCsrf.FIELD) String csrf,
      @RestForm String password) {
    Opened opened = shares.open(token);
    if (!ShareCsrf.matches(cookie, csrf)) {
      return forged(token, opened);
    }
    if (password == null || password.isEmpty() || password.length() > 1024) {
      return page(
          422,
          Templates.inboxes(Page.of(token, opened), csrf, "Enter the inbox's password."),
          csrf);
    }
    try {
      Inbox inbox = shares.reconnect(token, opened, inboxId, password);
      return page(200, Templates.reconnected(Page.of(token, opened), inbox.address), null);
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return page(
          e.status() >= 500 ? e.status() : 422,
          Templates.inboxes(Page.of(token, opened), csrf, e.title() + ": " + e.getMessage()),
          csrf);
    }
  }

  @POST
  @Path("/inboxes/{inboxId}/authorization")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Authorize a Google or Microsoft inbox again, at its provider")
  public Response authorize(
      @RestPath String token,
      @RestPath UUID inboxId,
      @CookieParam(ShareCsrf.COOKIE) String cookie,
      @RestForm(ShareCsrf.FIELD) String csrf) {
    Opened opened = shares.open(token);
    if (!ShareCsrf.matches(cookie, csrf)) {
      return forged(token, opened);
    }
    return Response.seeOther(shares.authorize(opened, inboxId))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  @ServerExceptionMapper
  Response unusable(UnusableLinkException e) {
    return page(
        e.reason() == InboxShareService.Unusable.UNKNOWN ? 404 : 410,
        Templates.unusable(e.reason()),
        null);
  }

  private Response forged(String token, Opened opened) {
    String csrf = ShareCsrf.token(null);
    return page(
        403,
        Templates.inboxes(
            Page.of(token, opened), csrf, "This form expired. Please enter the password again."),
        csrf);
  }

  private Response page(int status, TemplateInstance page, String csrf) {
    Response.ResponseBuilder response = PublicPages.page(status, page);
    if (csrf != null) {
      response.cookie(ShareCsrf.cookie(csrf, "https".equals(uri.getRequestUri().getScheme())));
    }
    return response.build();
  }
}
