package io.identities.console.dashboard;

/**
 * What the dashboard shows: the period, the search (any part of the name), the channel filters
 * (connected, not connected, or either) and the page of the list; and the time zone the user typed
 * if it names none (the period is then in the zone they had), to tell them.
 */
public record DashboardQuery(
    DashboardPeriod period,
    String search,
    Boolean linkedin,
    Boolean email,
    int page,
    String unknownZone) {

  /** Identities per page of the list. */
  public static final int PAGE_SIZE = 20;

  /** "connected" is true, "not-connected" false, anything else no filter. */
  public static Boolean channel(String filter) {
    return "connected".equals(filter)
        ? Boolean.TRUE
        : "not-connected".equals(filter) ? Boolean.FALSE : null;
  }

  /** The search as sent to identities-service: null when blank. */
  public String q() {
    return search == null || search.isBlank() ? null : search.trim();
  }

  /** Whether anything narrows the list (so an empty list means "nothing matches"). */
  public boolean narrowed() {
    return q() != null || linkedin != null || email != null;
  }
}
