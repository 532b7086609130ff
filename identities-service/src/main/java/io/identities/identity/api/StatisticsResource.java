package io.identities.identity.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.identity.stats.Period;
import io.identities.identity.stats.Statistics;
import io.identities.identity.stats.StatisticsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's performance cards (spec 1). */
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
      summary = "The organization's connections, messages, replies and bounce rate over a period")
  public StatisticsView ofOrganization(
      @QueryParam("period")
          @Parameter(description = "today (default), yesterday, last7days, last30days")
          String period,
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01, with to")
          String from,
      @QueryParam("to") @Parameter(description = "last day, inclusive") String to,
      @QueryParam("tz")
          @Parameter(description = "IANA time zone the days are counted in (default UTC)")
          String tz) {
    return StatisticsView.of(
        statistics.ofOrganization(Period.resolve(period, from, to, tz, clock.instant())));
  }

  @GET
  @Path("/{id}/stats")
  @Operation(
      summary = "One identity's connections, messages, replies and bounce rate over a period")
  public StatisticsView ofIdentity(
      @PathParam("id") UUID id,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tz") String tz) {
    return StatisticsView.of(
        statistics.ofIdentity(id, Period.resolve(period, from, to, tz, clock.instant())));
  }

  /** The metrics with the period they cover, as local days and as instants. */
  public record StatisticsView(
      PeriodView period,
      Statistics.Connections connections,
      Statistics.Messages messages,
      long replied,
      java.math.BigDecimal bounceRate,
      Statistics.Emails emails) {

    static StatisticsView of(Statistics s) {
      Period p = s.period();
      return new StatisticsView(
          new PeriodView(
              p.from().toString(), p.to().toString(), p.zone().getId(), p.start(), p.end()),
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
  public record PeriodView(String from, String to, String timeZone, Instant start, Instant end) {}
}
