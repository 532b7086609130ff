package io.identities.console.identity;

import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
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
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An identity's "Share identity link" tab: the update link its owner opens to reconnect LinkedIn,
 * or an inbox that stopped sending, in their own browser without an account here; usable once, for
 * 24 hours.
 */
@Path("/identities/{id}/share-link")
@Produces(MediaType.TEXT_HTML)
public class ShareIdentityResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance shareLink(
        Viewer viewer, Identities.Identity identity, Identities.ShareLink link);
  }

  private final IdentitiesService identities;
  private final Viewer viewer;

  ShareIdentityResource(@RestClient IdentitiesService identities, Viewer viewer) {
    this.identities = identities;
    this.viewer = viewer;
  }

  @GET
  public Uni<TemplateInstance> page(@PathParam("id") UUID id) {
    return identities.identity(id).map(identity -> Templates.shareLink(viewer, identity, null));
  }

  /** A new update link (each one usable once: a new one for each person who needs it). */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<TemplateInstance> generate(@PathParam("id") UUID id) {
    return Uni.combine()
        .all()
        .unis(identities.identity(id), identities.updateLink(id))
        .with((identity, link) -> Templates.shareLink(viewer, identity, link));
  }
}
