package io.identities.identity.share;

import io.identities.backbone.share.ShareLinkKeeper.Reason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A share link this service made and keeps: usable once, until it expires, on whichever page takes
 * it (LinkedIn's or the inbox page). Only its token's hash is stored. Found by that hash before
 * anyone knows the organization (the pages spend it without a platform token), so it is not
 * tenant-scoped like the rest: it carries its organization.
 */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "token_hash", nullable = false, updatable = false)
  String tokenHash;

  /** The identity whose owner refreshes its connection; null for a link that adds an identity. */
  @Column(name = "identity_id", updatable = false)
  public UUID identityId;

  @Column(name = "expires_at", nullable = false, updatable = false)
  public Instant expiresAt;

  @Column(name = "spent_at")
  public Instant spentAt;

  /** The page's attempt that spent it (opaque to this service): the same one may ask again. */
  @Column(name = "claim")
  String claim;

  /** Which page spent it: {@code linkedin} or {@code email}. */
  @Column(name = "spent_on")
  String spentOn;

  static ShareLink make(String orgId, String tokenHash, UUID identityId, Instant expiresAt) {
    ShareLink link = new ShareLink();
    link.id = UUID.randomUUID();
    link.orgId = orgId;
    link.tokenHash = tokenHash;
    link.identityId = identityId;
    link.expiresAt = expiresAt;
    return link;
  }

  /**
   * Spends the link for {@code claim}, on the page {@code on}.
   *
   * @return true when it is spent now; false when {@code claim} had spent it already (a retry)
   * @throws Refused when another claim spent it, or it expired unspent
   */
  boolean spend(String claim, String on, Instant now) {
    if (spentAt != null) {
      if (claim.equals(this.claim)) {
        return false;
      }
      throw new Refused(Reason.USED);
    }
    if (!now.isBefore(expiresAt)) {
      throw new Refused(Reason.EXPIRED);
    }
    spentAt = now;
    this.claim = claim;
    spentOn = on;
    return true;
  }

  /** What its events are about: the identity it refreshes, or else the link itself. */
  UUID subject() {
    return identityId != null ? identityId : id;
  }

  /** The link cannot be spent: it was used by another claim, or it expired. */
  public static class Refused extends RuntimeException {

    private final Reason reason;

    Refused(Reason reason) {
      super(
          reason == Reason.USED
              ? "This share link has already been used"
              : "This share link has expired");
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }
}
