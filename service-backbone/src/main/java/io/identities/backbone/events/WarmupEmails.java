package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The warm-up exchange between warmup-service, which plans who writes to whom and when, and
 * email-gateway, which holds the inboxes' credentials, sends the mail and reads where it landed. A
 * warm-up email is known on both sides by the id warmup-service gave it.
 */
public final class WarmupEmails {

  private WarmupEmails() {}

  /**
   * Data of the warmup.email.send command: a plain-text email from one of the gateway's inboxes.
   *
   * @param inReplyTo the Message-ID it answers, for a reply in a warm-up thread; else null
   * @param references the thread's Message-IDs, for a reply; else null
   * @param important the recipient's side flags it as important when it tidies it away
   */
  @RegisterForReflection
  public record Send(
      UUID emailId,
      UUID inboxId,
      String recipient,
      String subject,
      String text,
      String inReplyTo,
      String references,
      boolean important) {}

  /** Data of warmup.email.sent: the Message-ID the gateway gave the email. */
  @RegisterForReflection
  public record Sent(UUID emailId, UUID inboxId, String messageId, Instant sentAt) {}

  /**
   * Data of warmup.email.failed: at send time, or later by a delivery status notification.
   *
   * @param recipientRefused the recipient's server refused the address for good (it does not exist,
   *     its mailbox is full or disabled): the pool address is at fault, not the sender
   * @param senderRefused a server refused the sender for good (its policy, the message as spam):
   *     the sender is at fault, not the pool address
   */
  @RegisterForReflection
  public record Failed(
      UUID emailId,
      UUID inboxId,
      String reason,
      boolean recipientRefused,
      boolean senderRefused,
      Instant failedAt) {}

  /**
   * Data of warmup.email.received, published for the sender's organization.
   *
   * @param placement where the recipient's provider had put it: {@link #INBOX} or {@link #SPAM}
   */
  @RegisterForReflection
  public record Received(
      UUID emailId, UUID recipientInboxId, String placement, Instant receivedAt) {}

  public static final String INBOX = "INBOX";
  public static final String SPAM = "SPAM";
}
