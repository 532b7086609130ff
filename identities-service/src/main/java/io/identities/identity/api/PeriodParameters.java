package io.identities.identity.api;

import io.identities.identity.stats.Period;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The period figures cover, as every statistics endpoint takes it. */
public class PeriodParameters {

  @QueryParam("period")
  @Parameter(description = "today (default), yesterday, last7days, last30days")
  String period;

  @QueryParam("from")
  @Parameter(description = "first day, e.g. 2026-11-01, with to")
  String from;

  @QueryParam("to")
  @Parameter(description = "last day, inclusive")
  String to;

  @QueryParam("tz")
  @Parameter(description = "IANA time zone the days are counted in (default UTC)")
  String tz;

  /** The period these name, its days counted up to {@code now}. */
  Period resolve(Instant now) {
    return Period.resolve(period, from, to, tz, now);
  }
}
