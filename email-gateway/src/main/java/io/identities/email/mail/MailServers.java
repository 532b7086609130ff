package io.identities.email.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The port to inboxes' SMTP and IMAP servers. Every method throws {@link MailFailure}. */
public interface MailServers {

  /** Logs in to both the SMTP and the IMAP server, and out again. */
  void verify(MailAccount account);

  /**
   * Hands each message to the SMTP server for its recipients, over one connection: answers the
   * failure of each (null when it was sent; {@link MailFailure.Kind#REJECTED} when the server
   * refused it for good, 5xx), so a refused recipient stops only its own message.
   */
  List<MailFailure> sendAll(MailAccount account, List<MimeMessage> messages);

  /**
   * The messages of the INBOX after {@code afterUid} (at most {@code max}), oldest first. When the
   * folder's UIDVALIDITY is not {@code uidValidity} its UIDs were renumbered: it reads from the
   * start.
   */
  Fetched fetch(MailAccount account, long uidValidity, long afterUid, int max);

  /** The messages read, and the folder's UIDVALIDITY to remember with the last UID. */
  record Fetched(long uidValidity, List<ReceivedMessage> messages) {}
}
