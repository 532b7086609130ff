package io.identities.email.mail;

/** The port to inboxes' SMTP and IMAP servers. Every method throws {@link MailFailure}. */
public interface MailServers {

  /** Logs in to both the SMTP and the IMAP server, and out again. */
  void verify(MailAccount account);
}
