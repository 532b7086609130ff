package io.identities.console.identity;

import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An identity's page: who it is and its configuration, tab by tab; the first, its contact details,
 * saved only over the version the user saw (someone else's save meanwhile is shown, not lost).
 */
@Path("/identities/{id}")
public class IdentityResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance identity(
        Viewer viewer,
        Identities.Identity identity,
        ContactDetailsForm form,
        FieldErrors errors,
        Map<String, String> savedMeanwhile,
        boolean saved);
  }

  private final IdentitiesService identities;
  private final Viewer viewer;

  IdentityResource(@RestClient IdentitiesService identities, Viewer viewer) {
    this.identities = identities;
    this.viewer = viewer;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> identity(@PathParam("id") UUID id, @RestQuery String saved) {
    return identities
        .identity(id)
        .map(
            identity ->
                Templates.identity(
                    viewer,
                    identity,
                    ContactDetailsForm.of(identity),
                    FieldErrors.NONE,
                    Map.of(),
                    "contact-details".equals(saved)));
  }

  /** Saves the Contact details tab over the version it was typed on. */
  @POST
  @Path("/contact-details")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Uni<RestResponse<TemplateInstance>> saveContactDetails(
      @PathParam("id") UUID id, @BeanParam ContactDetailsForm form) {
    return identities
        .describe(id, form.ifMatch(), form.details())
        .map(
            saved ->
                RestResponse.<TemplateInstance>seeOther(
                    URI.create("/identities/" + id + "?saved=contact-details")))
        .onFailure(ServiceProblem.class)
        .recoverWithUni(failure -> refused(id, form, (ServiceProblem) failure));
  }

  /**
   * Refused: someone saved meanwhile (the form keeps what the user typed, over the version saved
   * now, and says what is saved now where it differs), or a field is wrong (said beside it).
   */
  private Uni<RestResponse<TemplateInstance>> refused(
      UUID id, ContactDetailsForm form, ServiceProblem problem) {
    return identities
        .identity(id)
        .map(
            now -> {
              boolean savedMeanwhile = problem.status() == 412;
              if (savedMeanwhile) {
                form.version = now.version();
              }
              return RestResponse.ResponseBuilder.<TemplateInstance>create(
                      savedMeanwhile ? 409 : 422)
                  .entity(
                      Templates.identity(
                          viewer,
                          now,
                          form,
                          savedMeanwhile
                              ? FieldErrors.NONE
                              : FieldErrors.of(problem, form.fieldNames()),
                          savedMeanwhile ? form.savedMeanwhile(now) : Map.of(),
                          false))
                  .build();
            });
  }

  /**
   * The identity's picture, from identities-service (the browser cannot call it: the API needs the
   * user's token), kept by the browser for a while.
   */
  @GET
  @Path("/picture")
  public Uni<Response> picture(@PathParam("id") UUID id) {
    return identities
        .picture(id)
        .map(
            picture ->
                Response.ok(picture.readEntity(byte[].class), picture.getMediaType())
                    .header("Cache-Control", "private, max-age=300")
                    .build());
  }
}
