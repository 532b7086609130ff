package io.identities.identity.api;

import io.identities.backbone.api.IdentityIdList;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.stats.Period;
import io.identities.identity.stats.Statistics;
import io.identities.identity.stats.StatisticsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's performance cards (spec 1), for the organization or the identities its search
 * keeps, and its list of identities with their own.
 */
@Path("/api/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Dashboard")
public class StatisticsResource {

  private final StatisticsService statistics;
  private final Clock clock;

  StatisticsResource(StatisticsService statistics, Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  @GET
  @Path("/stats")
  @Operation(
      summary = "The organization's connections, messages, replies and bounce rate over a period",
      description =
          "With q, linkedinConnected or emailConnected, those of the identities that GET"
              + " /api/identities lists for the same parameters (every page), together.")
  public StatisticsView ofOrganization(
      @BeanParam PeriodParameters period, @Valid @BeanParam FilterParameters filter) {
    return StatisticsView.of(
        statistics.ofOrganization(filter.filter(), period.resolve(clock.instant())));
  }

  @GET
  @Path("/{id}/stats")
  @Operation(
      summary = "One identity's connections, messages, replies and bounce rate over a period")
  public StatisticsView ofIdentity(@PathParam("id") UUID id, @BeanParam PeriodParameters period) {
    return StatisticsView.of(statistics.ofIdentity(id, period.resolve(clock.instant())));
  }

  @GET
  @Path("/stats/by-identity")
  @Operation(
      summary = "Each identity's connections, messages, replies and bounce rate over a period",
      description =
          "In the order of the ids given, each the same as its own /{id}/stats; ids that are not"
              + " identities of the organization are left out.")
  public StatisticsByIdentityView byIdentity(
      @QueryParam("ids")
          @Parameter(
              description =
                  "1 to "
                      + IdentityIdList.MAX
                      + " identity ids, comma-separated or the parameter repeated")
          List<String> ids,
      @BeanParam PeriodParameters period) {
    List<UUID> identityIds = IdentityIdList.parse("ids", ids);
    Period resolved = period.resolve(clock.instant());
    return new StatisticsByIdentityView(
        PeriodView.of(resolved),
        statistics.ofIdentities(identityIds, resolved).entrySet().stream()
            .map(each -> IdentityStatisticsView.of(each.getKey(), each.getValue()))
            .toList());
  }

  /** The metrics with the period they cover, as local days and as instants. */
  public record StatisticsView(
      PeriodView period,
      Statistics.Connections connections,
      Statistics.Messages messages,
      long replied,
      BigDecimal bounceRate,
      Statistics.Emails emails) {

    static StatisticsView of(Statistics s) {
      return new StatisticsView(
          PeriodView.of(s.period()),
          s.connections(),
          s.messages(),
          s.replied(),
          s.bounceRate(),
          s.emails());
    }
  }

  /**
   * A period: its first and last local day, its zone, and the instants it spans (end exclusive).
   */
  public record PeriodView(String from, String to, String timeZone, Instant start, Instant end) {

    static PeriodView of(Period p) {
      return new PeriodView(
          p.from().toString(), p.to().toString(), p.zone().getId(), p.start(), p.end());
    }
  }

  /** The period, and each identity's metrics over it. */
  public record StatisticsByIdentityView(PeriodView period, List<IdentityStatisticsView> items) {}

  /** One identity's metrics, as {@link StatisticsView} has them. */
  public record IdentityStatisticsView(
      UUID identityId,
      Statistics.Connections connections,
      Statistics.Messages messages,
      long replied,
      BigDecimal bounceRate,
      Statistics.Emails emails) {

    static IdentityStatisticsView of(UUID identityId, Statistics s) {
      return new IdentityStatisticsView(
          identityId, s.connections(), s.messages(), s.replied(), s.bounceRate(), s.emails());
    }
  }
}
