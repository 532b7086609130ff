package io.identities.email.mail;

import jakarta.mail.internet.MimeMessage;

/** The port to inboxes' SMTP and IMAP servers. Every method throws {@link MailFailure}. */
public interface MailServers {

  /** Logs in to both the SMTP and the IMAP server, and out again. */
  void verify(MailAccount account);

  /**
   * Hands {@code message} to the SMTP server for its recipients; {@link MailFailure.Kind#REJECTED}
   * when the server refuses it for good (5xx).
   */
  void send(MailAccount account, MimeMessage message);
}
