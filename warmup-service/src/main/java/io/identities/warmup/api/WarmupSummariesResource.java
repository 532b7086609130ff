package io.identities.warmup.api;

import io.identities.backbone.api.IdentityIdList;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.warmup.api.WarmupSummaries.WarmupSummary;
import io.identities.warmup.domain.OrderService;
import io.identities.warmup.plan.Progress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The warm-ups of a page of identities at once, for a dashboard. */
@Path("/api/warmup/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Warm-up")
public class WarmupSummariesResource {

  private final OrderService orders;
  private final Progress progress;

  WarmupSummariesResource(OrderService orders, Progress progress) {
    this.orders = orders;
    this.progress = progress;
  }

  @GET
  @Transactional
  @Operation(
      summary = "The warm-ups of up to 100 identities, in brief",
      description =
          "For each identity asked that has a warm-up order (in any state), in the order asked:"
              + " its state, reason, readiness, day of its days, start and end, as the identity's"
              + " own warm-up says them. An identity without an order, or not of the organization,"
              + " is left out.")
  @APIResponse(
      responseCode = "400",
      description =
          "No identity ids, more than " + IdentityIdList.MAX + ", or one that is not a UUID")
  public WarmupSummaries list(
      @QueryParam("ids")
          @Parameter(
              description =
                  "1 to "
                      + IdentityIdList.MAX
                      + " identity ids, comma-separated or the parameter repeated")
          List<String> ids) {
    List<UUID> identityIds = IdentityIdList.parse("ids", ids);
    Instant now = orders.now();
    return new WarmupSummaries(
        orders.latestOf(identityIds).stream()
            .map(latest -> WarmupSummary.of(latest, progress.standing(latest, now)))
            .toList());
  }
}
