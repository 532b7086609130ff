package io.identities.linkedin.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A share link as the pages that take it know it: found by its token's hash before anyone knows the
 * organization, so it is not tenant-scoped like the rest. Claimed while one browser signs in with
 * it (so two browsers cannot both use it), spent once the connection completes (at
 * identities-service first, see {@link ShareLinkService}), or marked used when another page spent
 * it.
 */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

  /** Why a link cannot be used now. */
  public enum Unusable {
    UNKNOWN,
    EXPIRED,
    USED,
    /** Another browser is signing in with it right now. */
    IN_USE,
    /** The identity it was made for was deleted. */
    IDENTITY_GONE
  }

  @Id public UUID id;

  @Column(name = "org_id", nullable = false)
  public String orgId;

  @Column(name = "token_hash", nullable = false)
  String tokenHash;

  /** The identity to refresh; null when the link adds a new identity. */
  @Column(name = "identity_id")
  public UUID identityId;

  @Column(name = "identity_name")
  public String identityName;

  @Column(name = "organization_name", nullable = false)
  public String organizationName;

  @Column(name = "invited_by")
  public String invitedBy;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "claimed_until")
  Instant claimedUntil;

  /** The handshake the claiming browser is answering. */
  @Column(name = "handshake_id")
  UUID handshakeId;

  @Column(name = "used_at")
  public Instant usedAt;

  /**
   * What this gateway spends the link with at identities-service: the same for every sign-in here,
   * never shown.
   */
  @Column(name = "spending_claim", nullable = false)
  UUID spendingClaim;

  /** The token the link was opened with, to spend it at identities-service; never stored. */
  @Transient String token;

  public boolean addsIdentity() {
    return identityId == null;
  }

  /**
   * The name of the identity a sign-in creates: none for an update link, else the one the link's
   * creator chose, else the visitor's.
   */
  String newIdentityName(String visitorsChoice) {
    if (!addsIdentity()) {
      return null;
    }
    return identityName != null ? identityName : visitorsChoice;
  }

  /** Why the link cannot be used at {@code now}, or null when it can. */
  Unusable unusable(Instant now) {
    if (usedAt != null) {
      return Unusable.USED;
    }
    return now.isBefore(expiresAt) ? null : Unusable.EXPIRED;
  }

  boolean isClaimed(Instant now) {
    return claimedUntil != null && now.isBefore(claimedUntil);
  }

  /** Reserves the link for one sign-in; the claim lapses on its own if the gateway dies. */
  void claim(Instant now, Duration forAtMost) {
    claimedUntil = now.plus(forAtMost);
    handshakeId = null;
  }

  /** Keeps the claim while the claiming browser answers LinkedIn's challenge. */
  void holdFor(Handshake handshake) {
    claimedUntil = handshake.expiresAt;
    handshakeId = handshake.id;
  }

  void release() {
    claimedUntil = null;
    handshakeId = null;
  }

  void spend(Instant now) {
    usedAt = now;
    release();
  }
}
