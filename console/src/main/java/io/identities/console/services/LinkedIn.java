package io.identities.console.services;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** linkedin-gateway's representations, as far as the console reads them. */
public final class LinkedIn {

  private LinkedIn() {}

  public record Accounts(List<Account> items) {}

  /** An identity's LinkedIn account: its session's state and what holds it back. */
  public record Account(
      UUID identityId,
      String status,
      boolean salesNavigator,
      Instant connectedAt,
      Instant restrictedAt,
      Instant invitationsHeldAt) {}

  /**
   * Signing in for a new identity named {@code identityName}. The password goes to the gateway and
   * nowhere else: this record lives for the one request.
   */
  public record Credentials(String identityName, String email, String password) {

    @Override
    public String toString() {
      return "Credentials[identityName=" + identityName + ", email=" + email + "]";
    }
  }

  public record Code(String code) {}

  public record Resend(String method) {}

  /** Where a sign-in stands: CONNECTED, or CHALLENGE_PENDING with what LinkedIn asks. */
  public record Connection(
      String status,
      UUID identityId,
      UUID handshakeId,
      String challengeType,
      String hint,
      Integer attemptsLeft,
      Instant expiresAt) {

    /** A handshake linkedin-gateway no longer knows: ended long ago, or never begun. */
    public static Connection gone(UUID handshakeId) {
      return new Connection("GONE", null, handshakeId, null, null, null, null);
    }
  }
}
