package io.identities.linkedin.api;

import io.identities.linkedin.domain.Connection;
import io.identities.linkedin.domain.Handshake;
import io.identities.linkedin.domain.SessionStatus;
import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import java.time.Instant;
import java.util.UUID;

/**
 * Where connecting a LinkedIn account stands: CONNECTED (with the profile), or CHALLENGE_PENDING
 * with the handshake to answer and where LinkedIn sent the code.
 */
public record ConnectionView(
    SessionStatus status,
    UUID identityId,
    UUID handshakeId,
    ChallengeType challengeType,
    String hint,
    Integer attemptsLeft,
    Instant expiresAt,
    LinkedInIdentityView.Profile profile) {

  static ConnectionView of(Connection connection) {
    Handshake handshake = connection.handshake();
    boolean pending = handshake != null && handshake.status == Handshake.Status.PENDING;
    return new ConnectionView(
        connection.status(),
        connection.identityId(),
        handshake == null ? null : handshake.id,
        pending ? handshake.challengeType : null,
        pending ? handshake.hint : null,
        pending ? handshake.attemptsLeft : null,
        pending ? handshake.expiresAt : null,
        LinkedInIdentityView.profile(connection.identity()));
  }
}
