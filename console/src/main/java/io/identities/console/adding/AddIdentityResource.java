package io.identities.console.adding;

import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
import io.identities.console.services.LinkedIn;
import io.identities.console.services.LinkedInGateway;
import io.identities.console.services.ServiceProblem;
import io.identities.console.web.FieldErrors;
import io.identities.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * "+ Add new identity", the spec's three ways: signing in to LinkedIn with the account's
 * credentials (and the code LinkedIn asks for), filling it in manually, or a share link for its
 * owner. The LinkedIn password goes from the form to linkedin-gateway and nowhere else.
 */
@Path("/identities/new")
@Produces(MediaType.TEXT_HTML)
public class AddIdentityResource {

  /** How long a newly connected identity may take to reach identities-service. */
  static final Duration IDENTITY_CREATION = Duration.ofSeconds(10);

  /** identities-service's largest picture (it checks again, and says why). */
  static final long PICTURE_MAX_BYTES = 5L * 1024 * 1024;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance credentials(
        Viewer viewer, String identityName, String email, FieldErrors errors);

    static native TemplateInstance code(
        Viewer viewer, LinkedIn.Connection connection, String message);

    static native TemplateInstance code$approval(LinkedIn.Connection connection);

    static native TemplateInstance manual(
        Viewer viewer, ManualIdentityForm form, long pictureMaxBytes, FieldErrors errors);

    static native TemplateInstance share(
        Viewer viewer, String identityName, Identities.ShareLink link, FieldErrors errors);
  }

  private final IdentitiesService identities;
  private final LinkedInGateway linkedin;
  private final Viewer viewer;

  AddIdentityResource(
      @RestClient IdentitiesService identities,
      @RestClient LinkedInGateway linkedin,
      Viewer viewer) {
    this.identities = identities;
    this.linkedin = linkedin;
    this.viewer = viewer;
  }

  @GET
  public TemplateInstance page(@RestQuery String way) {
    return switch (way == null ? "credentials" : way) {
      case "manual" ->
          Templates.manual(viewer, new ManualIdentityForm(), PICTURE_MAX_BYTES, FieldErrors.NONE);
      case "share" -> Templates.share(viewer, null, null, FieldErrors.NONE);
      default -> Templates.credentials(viewer, null, null, FieldErrors.NONE);
    };
  }

  /** Option A: signs in to LinkedIn for a new identity; LinkedIn may ask for a code. */
  @POST
  @Path("/linkedin")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<RestResponse<TemplateInstance>> signIn(
      @RestForm String identityName, @RestForm String email, @RestForm String password) {
    if (identityName == null || identityName.isBlank()) {
      return Uni.createFrom()
          .item(
              unprocessable(
                  Templates.credentials(
                      viewer,
                      identityName,
                      email,
                      FieldErrors.of("identityName", "Give the identity a name"))));
    }
    return linkedin
        .connect(new LinkedIn.Credentials(identityName.trim(), trim(email), password))
        .flatMap(this::next)
        .onFailure(ServiceProblem.class)
        .recoverWithItem(
            failure ->
                unprocessable(
                    Templates.credentials(
                        viewer,
                        identityName,
                        email,
                        FieldErrors.of(
                            (ServiceProblem) failure, "identityName", "email", "password"))));
  }

  /**
   * The code step: where the code went, attempts left, resend, another way; or the app approval.
   */
  @GET
  @Path("/linkedin/{handshakeId}")
  public Uni<RestResponse<TemplateInstance>> codeStep(
      @PathParam("handshakeId") UUID handshakeId, @RestHeader("HX-Request") String htmx) {
    boolean polling = "true".equals(htmx);
    return handshake(handshakeId)
        .flatMap(
            connection ->
                !"CONNECTED".equals(connection.status())
                    ? Uni.createFrom()
                        .item(
                            RestResponse.ok(
                                polling
                                    ? Templates.code$approval(connection)
                                    : Templates.code(viewer, connection, null)))
                    : created(connection)
                        .map(
                            ignored ->
                                polling // htmx follows this header with a full page
                                    ? RestResponse.ResponseBuilder.<TemplateInstance>ok()
                                        .header("HX-Redirect", identityPage(connection))
                                        .build()
                                    : RestResponse.seeOther(URI.create(identityPage(connection)))));
  }

  @POST
  @Path("/linkedin/{handshakeId}/code")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<RestResponse<TemplateInstance>> verify(
      @PathParam("handshakeId") UUID handshakeId, @RestForm String code) {
    return answered(handshakeId, linkedin.verify(handshakeId, new LinkedIn.Code(trim(code))));
  }

  @POST
  @Path("/linkedin/{handshakeId}/resend")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<RestResponse<TemplateInstance>> resend(
      @PathParam("handshakeId") UUID handshakeId, @RestForm String method) {
    return answered(handshakeId, linkedin.resend(handshakeId, new LinkedIn.Resend(method)));
  }

  /** Option B: creates the identity from the form, then uploads its picture. */
  @POST
  @Path("/manual")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uni<RestResponse<TemplateInstance>> createManually(@BeanParam ManualIdentityForm form) {
    return identities
        .create(form.identity())
        .flatMap(
            identity ->
                form.hasPicture()
                    ? identities
                        .uploadPicture(identity.id(), form.picture.uploadedFile())
                        .map(uploaded -> identity)
                        .onFailure(ServiceProblem.class)
                        .call(refused -> identities.delete(identity.id())) // nothing half-made
                    : Uni.createFrom().item(identity))
        .map(
            identity ->
                RestResponse.<TemplateInstance>seeOther(URI.create("/identities/" + identity.id())))
        .onFailure(ServiceProblem.class)
        .recoverWithItem(
            failure ->
                unprocessable(
                    Templates.manual(
                        viewer,
                        form,
                        PICTURE_MAX_BYTES,
                        pictureOrFields((ServiceProblem) failure))));
  }

  /** Option C: a link its owner opens to add their identity, valid 24 hours and usable once. */
  @POST
  @Path("/share")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<RestResponse<TemplateInstance>> share(@RestForm String identityName) {
    String name = identityName == null || identityName.isBlank() ? null : identityName.trim();
    return identities
        .shareLink(new Identities.ShareLinkRequest(name))
        .map(link -> RestResponse.ok(Templates.share(viewer, name, link, FieldErrors.NONE)))
        .onFailure(ServiceProblem.class)
        .recoverWithItem(
            failure ->
                unprocessable(
                    Templates.share(
                        viewer,
                        name,
                        null,
                        FieldErrors.of((ServiceProblem) failure, "identityName"))));
  }

  private Uni<RestResponse<TemplateInstance>> answered(
      UUID handshakeId, Uni<LinkedIn.Connection> answer) {
    return answer
        .flatMap(this::next)
        .onFailure(ServiceProblem.class)
        .recoverWithUni(
            failure ->
                handshake(handshakeId)
                    .map(
                        connection ->
                            unprocessable(
                                Templates.code(
                                    viewer, connection, ((ServiceProblem) failure).message()))));
  }

  /** Where the sign-in stands; one linkedin-gateway no longer knows has ended all the same. */
  private Uni<LinkedIn.Connection> handshake(UUID handshakeId) {
    return linkedin
        .handshake(handshakeId)
        .onFailure(failure -> failure instanceof ServiceProblem p && p.status() == 404)
        .recoverWithItem(() -> LinkedIn.Connection.gone(handshakeId));
  }

  /**
   * Connected: the identity opens, once identities-service has it (linkedin-gateway has it created
   * as the account connects: a moment later); otherwise the code step.
   */
  private Uni<RestResponse<TemplateInstance>> next(LinkedIn.Connection connection) {
    if (!"CONNECTED".equals(connection.status())) {
      return Uni.createFrom()
          .item(
              RestResponse.seeOther(
                  URI.create("/identities/new/linkedin/" + connection.handshakeId())));
    }
    return created(connection)
        .map(ignored -> RestResponse.seeOther(URI.create(identityPage(connection))));
  }

  /** Waits (a few seconds at most) until identities-service has the connected identity. */
  private Uni<Void> created(LinkedIn.Connection connection) {
    return identities
        .identity(connection.identityId())
        .onFailure(failure -> failure instanceof ServiceProblem p && p.status() == 404)
        .retry()
        .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .expireIn(IDENTITY_CREATION.toMillis())
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private static String identityPage(LinkedIn.Connection connection) {
    return "/identities/" + connection.identityId();
  }

  private static FieldErrors pictureOrFields(ServiceProblem problem) {
    return problem.status() == 413 || problem.status() == 415 || problem.errors().isEmpty()
        ? FieldErrors.of("picture", problem.message())
        : FieldErrors.of(
            problem,
            "firstName",
            "lastName",
            "jobTitle",
            "email",
            "linkedinUrl",
            "meetingUrl",
            "picture");
  }

  private static RestResponse<TemplateInstance> unprocessable(TemplateInstance page) {
    return RestResponse.ResponseBuilder.<TemplateInstance>create(422).entity(page).build();
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
