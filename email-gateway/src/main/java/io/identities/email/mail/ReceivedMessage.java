package io.identities.email.mail;

import java.util.List;

/**
 * What the gateway reads of a message found in an inbox.
 *
 * @param uid its IMAP UID in the inbox's INBOX
 * @param threadIds the Message-IDs it answers ({@code In-Reply-To} and {@code References})
 * @param report for a delivery status notification (RFC 3464), what it reports; else null
 */
public record ReceivedMessage(
    long uid, String from, List<String> threadIds, DeliveryReport report) {

  /**
   * A delivery status notification.
   *
   * @param originalMessageId the Message-ID of the message it reports on, if it says
   * @param failed the delivery failed for good (Action: failed), rather than being delayed
   * @param diagnostic the status and diagnostic the reporting server gave
   */
  public record DeliveryReport(String originalMessageId, boolean failed, String diagnostic) {}
}
