package io.identities.linkedin.domain;

import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A LinkedIn login waiting for its two-step challenge, kept in the database so any replica of the
 * gateway can finish it. It holds no password; its LinkedIn login context is sealed.
 */
@Entity
@Table(name = "linkedin_handshake")
public class Handshake extends PanacheEntityBase {

  /** Where a handshake stands. */
  public enum Status {
    PENDING,
    CONNECTED,
    FAILED,
    EXPIRED
  }

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  /** Set when the login is to create a new identity of this name (spec 2A). */
  @Column(name = "new_identity_name")
  public String newIdentityName;

  /** The share link this login came through; it is spent when the login completes. */
  @Column(name = "share_link_id")
  UUID shareLinkId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "challenge_type", nullable = false)
  public ChallengeType challengeType;

  /** Where LinkedIn sent the code, as LinkedIn words it (masked). */
  @Column(nullable = false)
  public String hint;

  @Column(name = "attempts_left", nullable = false)
  public int attemptsLeft;

  /** The pending login (challenge id and CSRF cookie), sealed with the handshake's id. */
  @Column(name = "sealed_login")
  String sealedLogin;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  boolean isExpired(Instant now) {
    return status == Status.EXPIRED || (status == Status.PENDING && !now.isBefore(expiresAt));
  }

  /** Ends the handshake; its login context is forgotten. */
  void end(Status outcome) {
    status = outcome;
    sealedLogin = null;
  }
}
