package io.identities.identity.api;

import io.identities.backbone.tenant.Roles;
import io.identities.identity.domain.SnapshotAnnouncer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators: every identity announced again (not routed by the gateway, like /admin). */
@Path("/admin/identities/announcements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations")
public class AnnouncementResource {

  private final SnapshotAnnouncer announcer;

  AnnouncementResource(SnapshotAnnouncer announcer) {
    this.announcer = announcer;
  }

  public record Announced(int identities) {}

  @POST
  @Operation(
      summary = "Announce every identity again as identity.updated",
      description =
          "For a service whose replica missed identities; the snapshots are versioned, so the"
              + " others change nothing.")
  public Announced announce() {
    return new Announced(announcer.announceAll());
  }
}
