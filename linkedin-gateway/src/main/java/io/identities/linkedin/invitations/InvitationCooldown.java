package io.identities.linkedin.invitations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A person the identity may not invite again until {@code endsAt} (spec "Withdrawals": once an
 * invitation is withdrawn, the same person cannot be invited for 3 weeks; LinkedIn's own {@code
 * CANT_RESEND_YET} is kept the same way). Known by member id, public name, or both.
 */
@Entity
@Table(name = "linkedin_invitation_cooldown")
public class InvitationCooldown extends PanacheEntityBase {

  /** Spec: no new invitation to a person for 3 weeks after one was withdrawn. */
  public static final Duration AFTER_WITHDRAWAL = Duration.ofDays(21);

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Column(name = "member_id")
  public String memberId;

  @Column(name = "public_identifier")
  public String publicIdentifier;

  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  @Column(nullable = false)
  public String reason;

  /** The latest cooldown of the person still running at {@code now}, by either name. */
  public static Optional<InvitationCooldown> running(
      UUID identityId, String memberId, String publicIdentifier, Instant now) {
    return InvitationCooldown.<InvitationCooldown>find(
            "identityId = ?1 and endsAt > ?2 and (memberId = ?3 or publicIdentifier = ?4)"
                + " order by endsAt desc",
            identityId,
            now,
            memberId == null ? "" : memberId,
            publicIdentifier == null ? "" : publicIdentifier)
        .firstResultOptional();
  }

  public static void start(
      UUID identityId, String memberId, String publicIdentifier, Instant endsAt, String reason) {
    InvitationCooldown cooldown = new InvitationCooldown();
    cooldown.id = UUID.randomUUID();
    cooldown.identityId = identityId;
    cooldown.memberId = memberId;
    cooldown.publicIdentifier = publicIdentifier;
    cooldown.endsAt = endsAt;
    cooldown.reason = reason;
    cooldown.persist();
  }
}
