package io.identities.console.services;

import java.time.Instant;
import java.util.List;
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

  /** An identity created manually: its name and contact details. */
  public record NewIdentity(
      String name,
      String firstName,
      String lastName,
      String jobTitle,
      String email,
      String linkedinUrl,
      String meetingUrl) {}

  public record ShareLinkRequest(String identityName) {}

  /** A link for someone without an account to add their identity: usable once, until it expires. */
  public record ShareLink(String url, Instant expiresAt) {}
}
