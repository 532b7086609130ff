package io.identities.identity.api;

import io.identities.identity.domain.Identity;
import java.time.Instant;
import java.util.UUID;

/** An identity as the API shows it. */
public record IdentityView(
    UUID id,
    String name,
    LinkedInLimits linkedin,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public record LinkedInLimits(int dailyConnectionRequests, int dailyMessages) {}

  static IdentityView of(Identity identity) {
    return new IdentityView(
        identity.id,
        identity.name,
        new LinkedInLimits(identity.dailyConnectionRequests, identity.dailyMessages),
        identity.version,
        identity.createdAt,
        identity.updatedAt);
  }
}
