package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the gateways' activity events, which feed the dashboard statistics (spec 1). Each names
 * the identity that acted; when it happened is the envelope's {@code time}.
 */
public final class ActivityEvents {

  private ActivityEvents() {}

  /** Something an identity did, or that happened to it. */
  public interface Activity {
    UUID identityId();
  }

  /**
   * linkedin.invitation.sent: a connection request went out.
   *
   * @param invitationId the action's id for an invitation the gateway sent
   */
  @RegisterForReflection
  public record InvitationSent(UUID identityId, UUID invitationId, String profileUrl)
      implements Activity {}

  /** linkedin.invitation.accepted: a lead accepted a connection request. */
  @RegisterForReflection
  public record InvitationAccepted(UUID identityId, UUID invitationId, String profileUrl)
      implements Activity {}

  /**
   * linkedin.message.sent: a LinkedIn message went out.
   *
   * @param messageId the action's id
   */
  @RegisterForReflection
  public record LinkedInMessageSent(UUID identityId, UUID messageId, String profileUrl)
      implements Activity {}

  /**
   * linkedin.profile.visited: a person's profile was read.
   *
   * @param visitId the action's id
   * @param degree 1, 2 or 3; null out of network
   * @param scraping read through Sales Navigator, so it counted as a scraping
   */
  @RegisterForReflection
  public record ProfileVisited(
      UUID identityId,
      UUID visitId,
      String profileUrl,
      String firstName,
      String lastName,
      String headline,
      String company,
      String location,
      Integer degree,
      boolean scraping)
      implements Activity {}

  /** email.sent: an email left one of the identity's inboxes. */
  @RegisterForReflection
  public record EmailSent(
      UUID identityId, UUID inboxId, UUID leadId, UUID campaignId, int step, String messageId)
      implements Activity {}

  /** email.replied: a lead replied to an email (once per lead and step). */
  @RegisterForReflection
  public record EmailReplied(UUID identityId, UUID inboxId, UUID leadId, UUID campaignId, int step)
      implements Activity {}

  /**
   * email.bounced: an email could not be delivered.
   *
   * @param messageId the Message-ID of the email that bounced
   * @param reason the SMTP refusal, or what the delivery status notification said
   * @param sentAt when the email was sent, or attempted when refused: the bounce counts then, with
   *     the email it bounced
   * @param refused refused by the recipient's server during the send itself, so no email.sent was
   *     published for it: an attempted send that bounced (a later delivery status notification is
   *     not refused)
   */
  @RegisterForReflection
  public record EmailBounced(
      UUID identityId,
      UUID inboxId,
      UUID leadId,
      UUID campaignId,
      int step,
      String messageId,
      String reason,
      Instant sentAt,
      boolean refused)
      implements Activity {}
}
