package io.identities.linkedin.api;

import io.identities.linkedin.api.LinkedInIdentityView.Profile;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An identity's LinkedIn badge on a dashboard: its session status, profile and Sales Navigator, and
 * whether LinkedIn restricted it or its invitations are held; without the usage of {@link
 * LinkedInIdentityView}.
 */
public record LinkedInIdentitySummary(
    UUID identityId,
    String name,
    SessionStatus status,
    Profile profile,
    boolean salesNavigator,
    Instant connectedAt,
    Instant restrictedAt,
    Instant invitationsHeldAt) {

  static LinkedInIdentitySummary of(LinkedInIdentity identity) {
    return new LinkedInIdentitySummary(
        identity.identityId,
        identity.name,
        identity.status,
        LinkedInIdentityView.profile(identity),
        identity.salesNavigator,
        identity.connectedAt,
        identity.restrictedAt,
        identity.invitationsHeldAt);
  }
}
