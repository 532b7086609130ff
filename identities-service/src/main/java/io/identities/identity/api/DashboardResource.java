package io.identities.identity.api;

import io.identities.backbone.api.Page;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.api.StatisticsResource.IdentityStatisticsView;
import io.identities.identity.api.StatisticsResource.StatisticsView;
import io.identities.identity.domain.IdentityFilter;
import io.identities.identity.domain.IdentityService;
import io.identities.identity.stats.Period;
import io.identities.identity.stats.StatisticsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard in one read (spec 1): the cards for the period and for the period before, and a
 * page of the identities the search keeps with each one's own figures. A front end asks this once
 * instead of four times; each part is what its own endpoint answers.
 */
@Path("/api/identities/dashboard")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Dashboard")
public class DashboardResource {

  private final IdentityService identities;
  private final StatisticsService statistics;
  private final Clock clock;

  DashboardResource(IdentityService identities, StatisticsService statistics, Clock clock) {
    this.identities = identities;
    this.statistics = statistics;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary =
          "The dashboard: the cards for a period and the one before, and a page of identities",
      description =
          "figures and previousFigures as GET /api/identities/stats answers them for the period"
              + " and for the period of the same length just before it, narrowed as the list is;"
              + " identities as GET /api/identities pages them; identityFigures, each identity of"
              + " that page's own figures for the period, in the page's order.")
  public DashboardView dashboard(
      @BeanParam PeriodParameters period,
      @Valid @BeanParam FilterParameters filters,
      @Valid @BeanParam PageParameters page) {
    Period resolved = period.resolve(clock.instant());
    IdentityFilter filter = filters.filter();
    Page<IdentityView> found = identities.search(page.of(filter), IdentityView::of);
    List<UUID> shown = found.items().stream().map(IdentityView::id).toList();
    return new DashboardView(
        StatisticsView.of(statistics.ofOrganization(filter, resolved)),
        StatisticsView.of(statistics.ofOrganization(filter, resolved.previous())),
        found,
        shown.isEmpty()
            ? List.of()
            : statistics.ofIdentities(shown, resolved).entrySet().stream()
                .map(each -> IdentityStatisticsView.of(each.getKey(), each.getValue()))
                .toList());
  }

  /** The dashboard's cards, now and before, and its page of identities with their own figures. */
  public record DashboardView(
      StatisticsView figures,
      StatisticsView previousFigures,
      Page<IdentityView> identities,
      List<IdentityStatisticsView> identityFigures) {}
}
