package io.identities.linkedin.invitations;

import io.identities.backbone.events.ActivityEvents.InvitationAccepted;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.LinkedInInvitationWithdrawn;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.linkedin.LinkedIn.SentInvitation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps an identity's invitations: sent by the gateway or seen on LinkedIn, accepted (announced
 * once), withdrawn (the person then in cooldown for 3 weeks), or gone from LinkedIn otherwise.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Invitations {

  private final Outbox outbox;
  private final TenantContext tenant;

  Invitations(Outbox outbox, TenantContext tenant) {
    this.outbox = outbox;
    this.tenant = tenant;
  }

  /** Who an invitation went to. */
  public record Invitee(
      String memberId, String publicIdentifier, String firstName, String lastName) {}

  /**
   * Records an invitation the gateway just sent; its id is the action's. The invitation check may
   * have seen it on LinkedIn first and taken it for one sent by hand (the two run apart, in other
   * transactions or replicas): that row becomes this one.
   */
  public void sent(
      UUID id, UUID identityId, String linkedInId, Invitee person, String note, Instant at) {
    Invitation.getEntityManager()
        .createNativeQuery(
            "insert into linkedin_invitation (id, org_id, identity_id, linkedin_id, member_id,"
                + " public_identifier, first_name, last_name, note, sent_at, sent_by_hand, status)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, false, ?11)"
                + " on conflict (identity_id, linkedin_id) do update set id = excluded.id,"
                + " note = excluded.note, sent_at = excluded.sent_at, sent_by_hand = false")
        .setParameter(1, id)
        .setParameter(2, tenant.orgId())
        .setParameter(3, identityId)
        .setParameter(4, linkedInId)
        .setParameter(5, person.memberId())
        .setParameter(6, person.publicIdentifier())
        .setParameter(7, person.firstName())
        .setParameter(8, person.lastName())
        .setParameter(9, note)
        .setParameter(10, at)
        .setParameter(11, InvitationStatus.PENDING.name())
        .executeUpdate();
  }

  /**
   * Records an invitation LinkedIn lists that the gateway did not send: sent by hand. One the
   * gateway is recording at this moment wins (its row is kept).
   */
  void seenOnLinkedIn(UUID identityId, SentInvitation seen) {
    Invitation.getEntityManager()
        .createNativeQuery(
            "insert into linkedin_invitation (id, org_id, identity_id, linkedin_id, shared_secret,"
                + " member_id, public_identifier, first_name, last_name, note, sent_at,"
                + " sent_by_hand, status)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, true, ?12)"
                + " on conflict (identity_id, linkedin_id) do nothing")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, tenant.orgId())
        .setParameter(3, identityId)
        .setParameter(4, seen.invitationId())
        .setParameter(5, seen.sharedSecret())
        .setParameter(6, seen.memberId())
        .setParameter(7, seen.publicIdentifier())
        .setParameter(8, seen.firstName())
        .setParameter(9, seen.lastName())
        .setParameter(10, seen.note())
        .setParameter(11, seen.sentAt())
        .setParameter(12, InvitationStatus.PENDING.name())
        .executeUpdate();
  }

  /** The person accepted: linkedin.invitation.accepted, once (only a pending one changes). */
  void accepted(Invitation invitation, Instant at) {
    if (invitation.status != InvitationStatus.PENDING) {
      return;
    }
    invitation.status = InvitationStatus.ACCEPTED;
    invitation.acceptedAt = at;
    outbox.publishEvent(
        EventTypes.LINKEDIN_INVITATION_ACCEPTED,
        tenant.orgId(),
        invitation.id,
        new InvitationAccepted(invitation.identityId, invitation.id, invitation.profileUrl()));
  }

  /** Withdrawn by the gateway: the person is in cooldown for 3 weeks. */
  public void withdrawn(UUID invitationId, Instant at) {
    Invitation invitation = Invitation.findById(invitationId);
    invitation.status = InvitationStatus.WITHDRAWN;
    invitation.withdrawnAt = at;
    Instant ends = at.plus(InvitationCooldown.AFTER_WITHDRAWAL);
    InvitationCooldown.start(
        invitation.identityId,
        invitation.memberId,
        invitation.publicIdentifier,
        ends,
        "an invitation to this person was withdrawn on "
            + at
            + "; LinkedIn refuses a new one for 3 weeks");
    outbox.publishEvent(
        EventTypes.LINKEDIN_INVITATION_WITHDRAWN,
        tenant.orgId(),
        invitation.id,
        new LinkedInInvitationWithdrawn(
            invitation.identityId, invitation.id, invitation.profileUrl(), ends));
  }

  /** No longer pending on LinkedIn, and not accepted: withdrawn by hand, or declined. */
  public void gone(UUID invitationId) {
    Invitation invitation = Invitation.findById(invitationId);
    if (invitation != null && invitation.status == InvitationStatus.PENDING) {
      invitation.status = InvitationStatus.GONE;
    }
  }
}
