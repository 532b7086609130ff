package io.identities.email.sending;

import io.identities.backbone.events.ActivityEvents.EmailBounced;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxEvents;
import io.identities.email.domain.InboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Records that a sent email bounced (refused at send time, or reported by a delivery status
 * notification) and pauses its inbox when its bounce rate over the window passes the maximum.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Bounces {

  private final Outbox outbox;
  private final TenantContext tenant;
  private final InboxEvents inboxEvents;
  private final BounceConfig config;
  private final Clock clock;

  Bounces(
      Outbox outbox,
      TenantContext tenant,
      InboxEvents inboxEvents,
      BounceConfig config,
      Clock clock) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.inboxEvents = inboxEvents;
    this.config = config;
    this.clock = clock;
  }

  /** The recipient's server refused the send itself: an attempted send that bounced. */
  public void refused(Send send, String reason) {
    bounced(send, reason, true);
  }

  /** A delivery status notification says the sent email bounced. */
  public void reported(Send send, String reason) {
    bounced(send, reason, false);
  }

  /** A send already known as bounced changes nothing. */
  private void bounced(Send send, String reason, boolean refused) {
    if (send.status == SendStatus.BOUNCED) {
      return;
    }
    send.status = SendStatus.BOUNCED;
    send.statusReason = reason;
    outbox.publishEvent(
        EventTypes.EMAIL_BOUNCED,
        tenant.orgId(),
        send.id,
        new EmailBounced(
            send.identityId,
            send.inboxId,
            send.leadId,
            send.campaignId,
            send.sequenceStep,
            send.messageId,
            reason,
            send.sentAt != null ? send.sentAt : clock.instant(),
            refused));
    pauseIfBouncingTooMuch(Inbox.findById(send.inboxId));
  }

  private void pauseIfBouncingTooMuch(Inbox inbox) {
    Send.flush();
    List<SendStatus> delivered = List.of(SendStatus.SENT, SendStatus.BOUNCED);
    long sent =
        Send.count(
            "inboxId = ?1 and status in ?2 and reservedAt >= ?3",
            inbox.id,
            delivered,
            clock.instant().minus(config.window()));
    long bounced =
        Send.count(
            "inboxId = ?1 and status = ?2 and reservedAt >= ?3",
            inbox.id,
            SendStatus.BOUNCED,
            clock.instant().minus(config.window()));
    if (inbox.status == InboxStatus.CONNECTED
        && sent >= config.minSends()
        && bounced > config.maxRate() * sent) {
      inbox.pause(
          String.format(
              "bounce rate %.1f %% over the last %d days (%d of %d emails): check the lead list,"
                  + " then connect the inbox again",
              100.0 * bounced / sent, config.window().toDays(), bounced, sent));
      inboxEvents.changed(inbox);
    }
  }
}
