package io.identities.linkedin.api;

import io.identities.linkedin.actions.AccountUsage;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An identity's LinkedIn state: session status, profile, Sales Navigator, last check, limits, what
 * its account has used of them today and this week (with its ramp-up and next slots), and whether
 * LinkedIn restricted it or its invitations are held after failing in a row.
 */
public record LinkedInIdentityView(
    UUID identityId,
    String name,
    SessionStatus status,
    Profile profile,
    boolean salesNavigator,
    Instant connectedAt,
    Instant lastCheckedAt,
    Limits limits,
    AccountUsage usage,
    Instant restrictedAt,
    Instant invitationsHeldAt,
    Proxy proxy) {

  public record Limits(
      int dailyConnectionRequests,
      int dailyMessages,
      Integer dailyScrapings,
      boolean autoWithdraw,
      int withdrawAfterDays) {}

  /** Where the identity's LinkedIn traffic goes out: a pool country or its own proxy's address. */
  public record Proxy(String country, String url) {}

  /** The connected account's public profile. */
  public record Profile(String firstName, String lastName, String headline, String profileUrl) {}

  static LinkedInIdentityView of(LinkedInIdentity identity, AccountUsage usage) {
    return new LinkedInIdentityView(
        identity.identityId,
        identity.name,
        identity.status,
        profile(identity),
        identity.salesNavigator,
        identity.connectedAt,
        identity.lastCheckedAt,
        new Limits(
            identity.dailyConnectionRequests,
            identity.dailyMessages,
            identity.dailyScrapings,
            identity.autoWithdraw,
            identity.withdrawAfterDays),
        usage,
        identity.restrictedAt,
        identity.invitationsHeldAt,
        identity.proxyCountry == null && identity.proxyUrl == null
            ? null
            : new Proxy(identity.proxyCountry, identity.proxyUrl));
  }

  static Profile profile(LinkedInIdentity identity) {
    return identity.connectedAt == null
        ? null
        : new Profile(
            identity.profileFirstName,
            identity.profileLastName,
            identity.profileHeadline,
            identity.profileUrl());
  }
}
