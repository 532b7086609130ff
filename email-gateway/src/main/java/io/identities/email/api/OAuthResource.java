package io.identities.email.api;

import io.identities.backbone.pages.PublicPages;
import io.identities.backbone.problem.ProblemException;
import io.identities.email.domain.Inbox;
import io.identities.email.oauth.OAuthService;
import io.identities.email.oauth.OAuthService.RefusedException;
import io.identities.email.oauth.OAuthService.UnusableAuthorizationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The page the OAuth provider sends the inbox owner's browser back to. */
@Path("/api/email/oauth")
@Tag(name = "Email")
public class OAuthResource {

  private final OAuthService oauth;

  OAuthResource(OAuthService oauth) {
    this.oauth = oauth;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance connected(String address, String provider);

    static native TemplateInstance failed(String title, String detail);
  }

  @GET
  @Path("/callback")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      summary = "Where the provider sends the browser back (public, gated by the single-use state)")
  public Response callback(
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @QueryParam("error") String error) {
    try {
      Inbox inbox = oauth.complete(state, code, error);
      return page(200, Templates.connected(inbox.address, inbox.provider.label()));
    } catch (UnusableAuthorizationException e) {
      return switch (e.reason()) {
        case UNKNOWN ->
            page(
                404,
                Templates.failed("This link is not valid", "Start connecting the inbox again."));
        case USED ->
            page(
                410,
                Templates.failed(
                    "This authorization was already used", "Each authorization works once."));
        case EXPIRED ->
            page(
                410,
                Templates.failed(
                    "This authorization expired", "It has to be completed within 10 minutes."));
      };
    } catch (RefusedException e) {
      return page(
          403,
          Templates.failed("The inbox was not authorized", "The provider said: " + e.getMessage()));
    } catch (ProblemException e) {
      return page(e.status(), Templates.failed(e.title(), e.getMessage()));
    }
  }

  private static Response page(int status, TemplateInstance page) {
    return PublicPages.page(status, page).build();
  }
}
