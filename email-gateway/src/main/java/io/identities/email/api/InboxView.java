package io.identities.email.api;

import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxStatus;
import io.identities.email.domain.MailProvider;
import io.identities.email.mail.MailEndpoint;
import java.time.Instant;
import java.util.UUID;

/** An inbox as its owner sees it; never its credentials. */
public record InboxView(
    UUID id,
    String address,
    MailProvider provider,
    InboxStatus status,
    String statusReason,
    MailEndpoint smtp,
    MailEndpoint imap,
    String username,
    Instant connectedAt) {

  static InboxView of(Inbox inbox) {
    return new InboxView(
        inbox.id,
        inbox.address,
        inbox.provider,
        inbox.status,
        inbox.statusReason,
        new MailEndpoint(inbox.smtpHost, inbox.smtpPort, inbox.smtpSecurity),
        new MailEndpoint(inbox.imapHost, inbox.imapPort, inbox.imapSecurity),
        inbox.username,
        inbox.connectedAt);
  }
}
