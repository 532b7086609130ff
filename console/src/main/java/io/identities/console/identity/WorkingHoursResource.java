package io.identities.console.identity;

import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
import io.identities.console.services.ServiceProblem;
import io.identities.console.web.FieldErrors;
import io.identities.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An identity's Working hours tab: its time zone and, per weekday, its intervals or a day off; the
 * window it is in or the next one, as identities-service computes it (its zone's calendar, DST
 * included). Saved only over the version the user saw.
 */
@Path("/identities/{id}/working-hours")
@Produces(MediaType.TEXT_HTML)
public class WorkingHoursResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance workingHours(
        Viewer viewer,
        Identities.Identity identity,
        WorkingHoursForm form,
        Identities.NextWindow next,
        FieldErrors errors,
        boolean savedMeanwhile,
        boolean saved);
  }

  private final IdentitiesService identities;
  private final Viewer viewer;

  WorkingHoursResource(@RestClient IdentitiesService identities, Viewer viewer) {
    this.identities = identities;
    this.viewer = viewer;
  }

  @GET
  public Uni<TemplateInstance> workingHours(@PathParam("id") UUID id, @RestQuery String saved) {
    return Uni.combine()
        .all()
        .unis(identities.identity(id), identities.workingHours(id), identities.nextWindow(id))
        .with(
            (identity, hours, next) ->
                Templates.workingHours(
                    viewer,
                    identity,
                    WorkingHoursForm.of(hours, identity.version()),
                    next,
                    FieldErrors.NONE,
                    false,
                    saved != null));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<RestResponse<TemplateInstance>> save(
      @PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
    WorkingHoursForm form = WorkingHoursForm.read(posted);
    if (!form.problems().isEmpty()) {
      return again(id, form, FieldErrors.NONE, false);
    }
    return identities
        .schedule(id, form.ifMatch(), form.hours())
        .map(
            saved ->
                RestResponse.<TemplateInstance>seeOther(
                    URI.create("/identities/" + id + "/working-hours?saved=1")))
        .onFailure(ServiceProblem.class)
        .recoverWithUni(
            failure -> {
              ServiceProblem problem = (ServiceProblem) failure;
              return problem.status() == 412
                  ? again(id, form, FieldErrors.NONE, true)
                  : again(id, form, FieldErrors.of(problem, "timeZone"), false);
            });
  }

  /**
   * The tab again with what the user typed and why it was not saved: a problem beside its field (or
   * above the form), or someone's save meanwhile (the form then goes over the version saved now).
   */
  private Uni<RestResponse<TemplateInstance>> again(
      UUID id, WorkingHoursForm form, FieldErrors errors, boolean savedMeanwhile) {
    return Uni.combine()
        .all()
        .unis(identities.identity(id), identities.nextWindow(id))
        .with(
            (identity, next) ->
                RestResponse.ResponseBuilder.<TemplateInstance>create(savedMeanwhile ? 409 : 422)
                    .entity(
                        Templates.workingHours(
                            viewer,
                            identity,
                            savedMeanwhile ? form.over(identity.version()) : form,
                            next,
                            errors,
                            savedMeanwhile,
                            false))
                    .build());
  }
}
