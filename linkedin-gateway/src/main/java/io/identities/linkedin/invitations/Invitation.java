package io.identities.linkedin.invitations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

/** An invitation of an identity's, from when it was sent until it is accepted or withdrawn. */
@Entity
@Table(name = "linkedin_invitation")
@DynamicUpdate
public class Invitation extends PanacheEntityBase {

  /** The invitation action's id; a new one for an invitation sent by hand on LinkedIn. */
  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  /** LinkedIn's id of it. */
  @Column(name = "linkedin_id")
  public String linkedInId;

  /** What withdrawing it takes; LinkedIn's list tells it. */
  @Column(name = "shared_secret")
  public String sharedSecret;

  @Column(name = "member_id")
  public String memberId;

  @Column(name = "public_identifier")
  public String publicIdentifier;

  @Column(name = "first_name")
  public String firstName;

  @Column(name = "last_name")
  public String lastName;

  public String note;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;

  /** Sent on LinkedIn itself, not through the gateway. */
  @Column(name = "sent_by_hand", nullable = false)
  public boolean sentByHand;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InvitationStatus status;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  public String profileUrl() {
    return publicIdentifier == null ? null : "https://www.linkedin.com/in/" + publicIdentifier;
  }
}
