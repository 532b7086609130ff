package io.identities.console.identity;

import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
import io.identities.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** An identity's page: who it is and what is connected (its configuration: the next pages). */
@Path("/identities/{id}")
public class IdentityResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance identity(Viewer viewer, Identities.Identity identity);
  }

  private final IdentitiesService identities;
  private final Viewer viewer;

  IdentityResource(@RestClient IdentitiesService identities, Viewer viewer) {
    this.identities = identities;
    this.viewer = viewer;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Uni<TemplateInstance> identity(@PathParam("id") UUID id) {
    return identities.identity(id).map(identity -> Templates.identity(viewer, identity));
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
