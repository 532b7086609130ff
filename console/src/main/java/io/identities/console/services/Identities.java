package io.identities.console.services;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** identities-service's representations, as far as the console reads them. */
public final class Identities {

  private Identities() {}

  /** A page of identities found. */
  public record Page(List<Identity> items, int page, int size, long total) {}

  /**
   * The dashboard: the cards' figures for the period and the period before, a page of the
   * identities the search keeps, and each one's own figures.
   */
  public record Dashboard(
      Figures figures,
      Figures previousFigures,
      Page identities,
      List<Figures.OfIdentity> identityFigures) {}

  /** An identity with its contact details, its channels and its warm-up. */
  public record Identity(
      UUID id,
      String name,
      String firstName,
      String lastName,
      String jobTitle,
      String email,
      String linkedinUrl,
      String meetingUrl,
      String phone,
      String pictureUrl,
      Channels channels,
      Warmup warmup,
      long version,
      Instant createdAt) {

    /** The initials shown where the identity has no picture. */
    public String initials() {
      StringBuilder initials = new StringBuilder();
      for (String word : name.trim().split("\\s+")) {
        if (!word.isEmpty() && initials.length() < 2) {
          initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        }
      }
      return initials.toString();
    }
  }

  public record Channels(
      boolean linkedinConnected, boolean salesNavigator, boolean emailConnected) {}

  public record Warmup(String state, Instant endsAt) {}

  /**
   * An identity's name and contact details, as created or saved (all of them: a field sent empty is
   * cleared).
   */
  public record ContactDetails(
      String name,
      String firstName,
      String lastName,
      String jobTitle,
      String email,
      String linkedinUrl,
      String meetingUrl,
      String phone) {}

  /** When campaigns act for the identity: intervals of local time per weekday, in its zone. */
  public record WorkingHours(String timeZone, Map<DayOfWeek, List<Interval>> week) {}

  /** From {@code start} to {@code end}, "09:00" to "18:00" ("24:00" for the day's end). */
  public record Interval(String start, String end) {}

  /**
   * Whether the identity is active at {@code at}, and the window it is in or the next one (both
   * bounds null when it has no working hours at all), as identities-service computes it.
   */
  public record NextWindow(
      String timeZone, Instant at, boolean active, Instant opensAt, Instant closesAt) {}

  public record ShareLinkRequest(String identityName) {}

  /** A link for someone without an account to add their identity: usable once, until it expires. */
  public record ShareLink(String url, Instant expiresAt) {}
}
