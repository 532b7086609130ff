package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * Data of the email.send command: one email of a campaign's sequence to a lead. The gateway picks
 * the identity's inbox, appends its signature and sends it inside the identity's limits and working
 * hours; the command's id identifies the send, so a command delivered twice sends once.
 *
 * @param sequenceStep 1 for the sequence's first email
 * @param replyToThread send it as a reply in the thread of the last email sent to the lead in this
 *     campaign ({@code In-Reply-To}/{@code References})
 * @param attachments optional
 */
@RegisterForReflection
public record SendEmail(
    UUID identityId,
    UUID leadId,
    UUID campaignId,
    int sequenceStep,
    String recipient,
    String subject,
    String htmlBody,
    String textBody,
    boolean replyToThread,
    List<Attachment> attachments) {

  /** A file sent with the email, its content in base64. */
  @RegisterForReflection
  public record Attachment(String filename, String contentType, String content) {}
}
