package io.identities.console.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The dashboard as shown: what was asked, the four cards and the page of identities. */
public record DashboardView(
    DashboardQuery query, Part<Card.Cards> cards, Part<Dashboard.Listing> listing) {

  /** The dashboard's address for page {@code page} of the same period, search and filters. */
  public String pageUrl(int page) {
    DashboardPeriod period = query.period();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query.q() != null) {
      parameters.put("q", query.q());
    }
    parameters.put("period", period.choice());
    if ("custom".equals(period.choice())) {
      parameters.put("from", period.from().toString());
      parameters.put("to", period.to().toString());
    }
    parameters.put("tz", period.zone().getId());
    if (query.linkedin() != null) {
      parameters.put("linkedin", query.linkedin() ? "connected" : "not-connected");
    }
    if (query.email() != null) {
      parameters.put("email", query.email() ? "connected" : "not-connected");
    }
    parameters.put("page", String.valueOf(page));
    return "/?"
        + parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }
}
