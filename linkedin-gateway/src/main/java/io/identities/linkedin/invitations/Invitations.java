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

  /** Records an invitation the gateway just sent; its id is the action's. */
  public void sent(
      UUID id, UUID identityId, String linkedInId, Invitee person, String note, Instant at) {
    Invitation invitation = new Invitation();
    invitation.id = id;
    invitation.identityId = identityId;
    invitation.linkedInId = linkedInId;
    invitation.memberId = person.memberId();
    invitation.publicIdentifier = person.publicIdentifier();
    invitation.firstName = person.firstName();
    invitation.lastName = person.lastName();
    invitation.note = note;
    invitation.sentAt = at;
    invitation.status = InvitationStatus.PENDING;
    invitation.persist();
  }

  /** Records an invitation LinkedIn lists that the gateway did not send: sent by hand. */
  void seenOnLinkedIn(UUID identityId, SentInvitation seen) {
    Invitation invitation = new Invitation();
    invitation.id = UUID.randomUUID();
    invitation.identityId = identityId;
    invitation.linkedInId = seen.invitationId();
    invitation.sharedSecret = seen.sharedSecret();
    invitation.memberId = seen.memberId();
    invitation.publicIdentifier = seen.publicIdentifier();
    invitation.firstName = seen.firstName();
    invitation.lastName = seen.lastName();
    invitation.note = seen.note();
    invitation.sentAt = seen.sentAt();
    invitation.sentByHand = true;
    invitation.status = InvitationStatus.PENDING;
    invitation.persist();
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
