package io.identities.email.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The port to inboxes' SMTP and IMAP servers. Every method throws {@link MailFailure}. */
public interface MailServers {

  /** Logs in to both the SMTP and the IMAP server, and out again. */
  void verify(MailAccount account);

  /**
   * Hands {@code message} to the SMTP server for its recipients; {@link MailFailure.Kind#REJECTED}
   * when the server refuses it for good (5xx).
   */
  void send(MailAccount account, MimeMessage message);

  /**
   * The messages of the INBOX after {@code afterUid} (at most {@code max}), oldest first. When the
   * folder's UIDVALIDITY is not {@code uidValidity} its UIDs were renumbered: it reads from the
   * start.
   */
  Fetched fetch(MailAccount account, long uidValidity, long afterUid, int max);

  /** The messages read, and the folder's UIDVALIDITY to remember with the last UID. */
  record Fetched(long uidValidity, List<ReceivedMessage> messages) {}
}
