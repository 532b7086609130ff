package io.identities.linkedin.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.actions.ScrapingPools;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's pool of Sales Navigator scrapings, shared by its identities. */
@Path("/api/linkedin/scraping-pool")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class ScrapingPoolResource {

  private final ScrapingPools pools;

  ScrapingPoolResource(ScrapingPools pools) {
    this.pools = pools;
  }

  @GET
  @Operation(summary = "The organization's Sales Navigator scrapings a day (UTC)")
  public Pool get() {
    return new Pool(pools.ofCaller());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the organization's Sales Navigator scrapings a day",
      description =
          "Shared by its Sales Navigator identities, each of which scrapes its own dailyScrapings"
              + " first; 0 to 10 000.")
  public Pool set(@NotNull Pool pool) {
    return new Pool(pools.set(pool.dailyScrapings() == null ? -1 : pool.dailyScrapings()));
  }

  /** Scrapings a day. */
  public record Pool(Integer dailyScrapings) {}
}
