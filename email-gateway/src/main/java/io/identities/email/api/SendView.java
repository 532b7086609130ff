package io.identities.email.api;

import io.identities.email.sending.Send;
import io.identities.email.sending.SendStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A send as the caller sees it.
 *
 * @param notBefore while queued, the slot it waits for
 * @param statusReason why it waits, is held, or bounced
 */
public record SendView(
    UUID id,
    UUID identityId,
    UUID leadId,
    UUID campaignId,
    int sequenceStep,
    String recipient,
    String subject,
    SendStatus status,
    String statusReason,
    Instant notBefore,
    UUID inboxId,
    String messageId,
    Instant sentAt) {

  static SendView of(Send send) {
    return new SendView(
        send.id,
        send.identityId,
        send.leadId,
        send.campaignId,
        send.sequenceStep,
        send.recipient,
        send.subject,
        send.status,
        send.statusReason,
        send.status == SendStatus.QUEUED ? send.notBefore : null,
        send.inboxId,
        send.messageId,
        send.sentAt);
  }
}
