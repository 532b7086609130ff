package io.identities.linkedin.api;

import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import java.util.UUID;

/** An identity's LinkedIn state and limits. */
public record LinkedInIdentityView(
    UUID identityId, String name, SessionStatus status, Limits limits) {

  public record Limits(int dailyConnectionRequests, int dailyMessages) {}

  static LinkedInIdentityView of(LinkedInIdentity identity) {
    return new LinkedInIdentityView(
        identity.identityId,
        identity.name,
        identity.status,
        new Limits(identity.dailyConnectionRequests, identity.dailyMessages));
  }
}
