package io.identities.email.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

  /**
   * Private addresses an inbox's mail servers may have nonetheless (as printed: {@code 127.0.0.1},
   * {@code ::1}); none by default: only public mail servers are reached.
   */
  Optional<List<String>> allowedPrivateAddresses();

  /** How many times an organization may try to connect an inbox per window. */
  @WithDefault("30")
  int connectAttempts();

  @WithDefault("10m")
  Duration connectAttemptsWindow();

  /** The names of Sent folders, for servers that do not mark theirs {@code \Sent}. */
  @WithDefault("Sent,Sent Items,Sent Mail,[Gmail]/Sent Mail,Sent Messages,INBOX.Sent")
  List<String> sentFolders();
}
