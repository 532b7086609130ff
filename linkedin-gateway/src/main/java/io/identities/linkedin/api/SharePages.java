package io.identities.linkedin.api;

import io.identities.backbone.pages.PublicPages;
import io.identities.backbone.pages.ShareCsrf;
import io.identities.linkedin.domain.Handshake;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.ShareLink;
import io.identities.linkedin.domain.ShareLinkService;
import io.identities.linkedin.domain.ShareLinkService.Step;
import io.identities.linkedin.domain.ShareLinkService.UnusableLinkException;
import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import io.identities.linkedin.linkedin.LinkedInConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The share-link pages (spec 2C and the update link): public, gated by the link's token. Plain
 * server-rendered forms that work without JavaScript: the invitation with the LinkedIn sign-in,
 * LinkedIn's challenge, the outcome. The password goes to LinkedIn and nowhere else: it is never
 * stored, logged or written back into a page.
 */
@Path("/share/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Share-link pages")
public class SharePages {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CODE = Pattern.compile("\\d{4,8}");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance invitation(
        Invitation link, String csrf, String email, String error);

    static native TemplateInstance challenge(
        Invitation link, String csrf, Challenge challenge, String error);

    static native TemplateInstance connected(Invitation link, String account);

    static native TemplateInstance unusable(ShareLink.Unusable reason);
  }

  private final ShareLinkService shareLinks;
  private final LinkedInConfig config;
  private final UriInfo uri;

  SharePages(ShareLinkService shareLinks, LinkedInConfig config, UriInfo uri) {
    this.config = config;
    this.shareLinks = shareLinks;
    this.uri = uri;
  }

  @GET
  @Operation(summary = "The invitation: who invites, and the LinkedIn sign-in form")
  public Response invitation(
      @RestPath String token, @CookieParam(ShareCsrf.COOKIE) String csrfCookie) {
    Invitation link = invitation(token, shareLinks.open(token));
    String csrf = ShareCsrf.token(csrfCookie);
    return page(200, Templates.invitation(link, csrf, null, null), csrf);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Sign in to LinkedIn with the visitor's email and password")
  public Response signIn(
      @RestPath String token,
      @CookieParam(ShareCsrf.COOKIE) String csrfCookie,
      @RestForm(ShareCsrf.FIELD) String csrf,
      @RestForm String name,
      @RestForm String email,
      @RestForm String password) {
    ShareLink opened = shareLinks.open(token);
    Invitation link = invitation(token, opened);
    if (!ShareCsrf.matches(csrfCookie, csrf)) {
      return formExpired(link);
    }
    String given = trimmed(email);
    String error = signInError(link, trimmed(name), given, password);
    if (error != null) {
      return page(422, Templates.invitation(link, csrf, given, error), csrf);
    }
    return show(link, csrf, given, shareLinks.signIn(opened, trimmed(name), given, password));
  }

  @POST
  @Path("/verification")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Answer LinkedIn's challenge with the code")
  public Response verify(@BeanParam ChallengeForm form, @RestForm String code) {
    String given = trimmed(code);
    return onChallenge(
        form,
        (link, handshake) ->
            given == null || !CODE.matcher(given).matches()
                ? withError(
                    shareLinks.standing(link, handshake), // spends no attempt
                    "Enter the code: 4 to 8 digits.")
                : shareLinks.verify(link, handshake, given));
  }

  @POST
  @Path("/resend")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Have LinkedIn send the code again, or another way")
  public Response resend(@BeanParam ChallengeForm form, @RestForm ChallengeType method) {
    return onChallenge(form, (link, handshake) -> shareLinks.resend(link, handshake, method));
  }

  @POST
  @Path("/approval")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Continue once the sign-in is approved in the LinkedIn app")
  public Response approval(@BeanParam ChallengeForm form) {
    return onChallenge(
        form,
        (link, handshake) -> {
          Step step = shareLinks.standing(link, handshake);
          return step instanceof Step.Challenge challenge && challenge.error() == null
              ? withError(step, "LinkedIn has not seen the approval yet.")
              : step;
        });
  }

  /** What every form of the challenge page posts. */
  public static class ChallengeForm {
    @RestPath public String token;

    @CookieParam(ShareCsrf.COOKIE)
    public String csrfCookie;

    @RestForm(ShareCsrf.FIELD)
    public String csrf;

    /** The sign-in being verified; a page never posts anything else, so no UUID is a stale page. */
    @RestForm public String handshake;
  }

  private Response onChallenge(ChallengeForm form, BiFunction<ShareLink, UUID, Step> next) {
    ShareLink opened = shareLinks.open(form.token);
    Invitation link = invitation(form.token, opened);
    UUID handshake = uuid(form.handshake);
    if (!ShareCsrf.matches(form.csrfCookie, form.csrf) || handshake == null) {
      return formExpired(link);
    }
    return show(link, form.csrf, null, next.apply(opened, handshake));
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @ServerExceptionMapper
  Response unusable(UnusableLinkException e) {
    int status =
        switch (e.reason()) {
          case UNKNOWN -> 404;
          case IN_USE -> 409;
          default -> 410;
        };
    return page(status, Templates.unusable(e.reason()), null);
  }

  private Response show(Invitation link, String csrf, String email, Step step) {
    if (step instanceof Step.Connected connected) {
      return page(200, Templates.connected(link, account(connected.identity())), csrf);
    }
    if (step instanceof Step.Challenge challenge) {
      return page(
          challenge.status(),
          Templates.challenge(link, csrf, Challenge.of(challenge.handshake()), challenge.error()),
          csrf);
    }
    Step.SignIn signIn = (Step.SignIn) step;
    return page(signIn.status(), Templates.invitation(link, csrf, email, signIn.error()), csrf);
  }

  /** A form posted without its CSRF token (or from a stale page): shown the form afresh. */
  private Response formExpired(Invitation link) {
    String csrf = ShareCsrf.token(null);
    return page(
        403,
        Templates.invitation(
            link, csrf, null, "This form had expired. Please enter your details again."),
        csrf);
  }

  private static String signInError(Invitation link, String name, String email, String password) {
    if (link.asksName() && name == null) {
      return "Enter your name, as your team will see it.";
    }
    if (name != null && name.length() > 120) {
      return "Your name can have at most 120 characters.";
    }
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      return "Enter the email address you sign in to LinkedIn with.";
    }
    if (password == null || password.isEmpty() || password.length() > 200) {
      return "Enter your LinkedIn password.";
    }
    return null;
  }

  private static Step withError(Step step, String error) {
    return step instanceof Step.Challenge challenge
        ? new Step.Challenge(challenge.handshake(), 422, error)
        : step;
  }

  private static String account(LinkedInIdentity identity) {
    String name =
        ((identity.profileFirstName == null ? "" : identity.profileFirstName)
                + " "
                + (identity.profileLastName == null ? "" : identity.profileLastName))
            .trim();
    return name.isEmpty() ? identity.name : name;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private Invitation invitation(String token, ShareLink link) {
    return Invitation.of(token, link, config.emailSharePagesUrl().orElse(""));
  }

  /**
   * A page that is never cached or framed, and whose address (it holds the token) is never sent on
   * as a referrer.
   */
  private Response page(int status, TemplateInstance page, String csrf) {
    Response.ResponseBuilder response = PublicPages.page(status, page);
    if (csrf != null) {
      response.cookie(ShareCsrf.cookie(csrf, "https".equals(uri.getRequestUri().getScheme())));
    }
    return response.build();
  }

  /** What the pages say about the link. */
  public record Invitation(
      String path,
      String organization,
      String invitedBy,
      String identityName,
      boolean adds,
      String inboxesPath) {

    /** {@code emailPages}: where email-gateway's pages are (empty: this host). */
    static Invitation of(String token, ShareLink link, String emailPages) {
      return new Invitation(
          "/share/" + token,
          link.organizationName,
          link.invitedBy,
          link.identityName,
          link.addsIdentity(),
          link.addsIdentity() ? null : emailPages + "/share/email/" + token);
    }

    /** A link for a new identity whose creator left the name to the visitor. */
    public boolean asksName() {
      return adds && identityName == null;
    }
  }

  /** LinkedIn's challenge as the page presents it. */
  public record Challenge(UUID handshakeId, ChallengeType type, String hint, int attemptsLeft) {

    static Challenge of(Handshake handshake) {
      return new Challenge(
          handshake.id, handshake.challengeType, handshake.hint, handshake.attemptsLeft);
    }

    public boolean approval() {
      return type == ChallengeType.APP_APPROVAL;
    }

    /** The buttons that have LinkedIn send a code: again the same way, or another. */
    public List<Resend> resends() {
      List<Resend> resends = new ArrayList<>();
      if (type == ChallengeType.EMAIL_PIN || type == ChallengeType.SMS_PIN) {
        resends.add(new Resend(null, "Send the code again"));
      }
      if (type != ChallengeType.EMAIL_PIN) {
        resends.add(new Resend(ChallengeType.EMAIL_PIN, "Get a code by email instead"));
      }
      if (type != ChallengeType.SMS_PIN) {
        resends.add(new Resend(ChallengeType.SMS_PIN, "Get a code by SMS instead"));
      }
      return resends;
    }
  }

  /** A way to have the code sent; no method means the same way again. */
  public record Resend(ChallengeType method, String label) {}
}
