package io.identities.console.dashboard;

import io.identities.console.web.TimeZones;
import io.identities.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The dashboard ({@code /}): the four cards, the search, the period and the identities list. An
 * htmx request (search as you type, a new period, another page) gets the results only.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

  /** The time zone the user chose last (or their browser's), kept for their next visit. */
  static final String ZONE_COOKIE = "tz";

  static final Map<String, String> PERIODS = new LinkedHashMap<>();

  static {
    PERIODS.put("today", "Today");
    PERIODS.put("yesterday", "Yesterday");
    PERIODS.put("last7days", "Last 7 days");
    PERIODS.put("last30days", "Last 30 days");
    PERIODS.put("custom", "Custom range");
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(
        DashboardView view, Viewer viewer, Map<String, String> periods, List<String> zones);

    static native TemplateInstance dashboard$results(DashboardView view);
  }

  private final Dashboard dashboard;
  private final Viewer viewer;
  private final Clock clock;
  private final boolean secureCookies;

  DashboardResource(
      Dashboard dashboard,
      Viewer viewer,
      Clock clock,
      @ConfigProperty(name = "console.secure-cookies") boolean secureCookies) {
    this.dashboard = dashboard;
    this.viewer = viewer;
    this.clock = clock;
    this.secureCookies = secureCookies;
  }

  @GET
  public Uni<RestResponse<TemplateInstance>> dashboard(
      @RestQuery String q,
      @RestQuery String period,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String tz,
      @RestQuery String linkedin,
      @RestQuery String email,
      @RestQuery int page,
      @RestCookie(ZONE_COOKIE) String zoneCookie,
      @RestHeader("HX-Request") String htmx,
      @RestHeader("HX-History-Restore-Request") String historyRestore) {
    Optional<ZoneId> typed = TimeZones.find(tz);
    ZoneId zone = typed.or(() -> TimeZones.find(zoneCookie)).orElse(TimeZones.UTC);
    DashboardQuery query =
        new DashboardQuery(
            DashboardPeriod.of(period, from, to, zone, clock.instant()),
            q,
            DashboardQuery.channel(linkedin),
            DashboardQuery.channel(email),
            Math.max(0, page),
            tz != null && !tz.isBlank() && typed.isEmpty() ? tz : null);
    boolean resultsOnly = "true".equals(htmx) && !"true".equals(historyRestore);
    return dashboard
        .load(query)
        .map(
            view -> {
              var answer =
                  RestResponse.ResponseBuilder.ok(
                          resultsOnly
                              ? Templates.dashboard$results(view)
                              : Templates.dashboard(view, viewer, PERIODS, TimeZones.ALL))
                      .header("Vary", "HX-Request")
                      .header("Cache-Control", "no-store");
              if (typed.isPresent()) { // chosen: remembered for the next visit
                answer.cookie(zoneCookie(zone));
              }
              return answer.build();
            });
  }

  private NewCookie zoneCookie(ZoneId zone) {
    return new NewCookie.Builder(ZONE_COOKIE)
        .value(zone.getId())
        .path("/")
        .maxAge(365 * 24 * 3600)
        .sameSite(NewCookie.SameSite.LAX)
        .secure(secureCookies)
        .build();
  }
}
