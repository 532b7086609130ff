package io.identities.email.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "email.mail")
public interface MailConfig {

  /** How long connecting to, and each answer of, an SMTP or IMAP server may take. */
  @WithDefault("20s")
  Duration timeout();

  /**
   * The names of spam folders, for servers that do not mark theirs {@code \Junk} (RFC 6154);
   * compared without case.
   */
  @WithDefault("Junk,Spam,[Gmail]/Spam,Junk Email,Junk E-mail,Bulk Mail")
  List<String> junkFolders();

  /** The names of Sent folders, for servers that do not mark theirs {@code \Sent}. */
  @WithDefault("Sent,Sent Items,Sent Mail,[Gmail]/Sent Mail,Sent Messages,INBOX.Sent")
  List<String> sentFolders();
}
