package io.identities.email.share;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An identity's update share link, as far as its inboxes go: reconnecting one spends it. */
@Entity
@Table(name = "email_share_link")
public class InboxShareLink extends PanacheEntityBase {

  @Id public UUID id;

  /** Whose it is: the page carries no platform token, so the row is not tenant-filtered. */
  @Column(name = "org_id", nullable = false)
  public String orgId;

  @Column(name = "token_hash", nullable = false)
  public String tokenHash;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Column(name = "organization_name", nullable = false)
  public String organizationName;

  @Column(name = "invited_by")
  public String invitedBy;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;
}
