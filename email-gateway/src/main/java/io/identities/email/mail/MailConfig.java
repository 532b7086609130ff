package io.identities.email.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "email.mail")
public interface MailConfig {

  /** How long connecting to, and each answer of, an SMTP or IMAP server may take. */
  @WithDefault("20s")
  Duration timeout();
}
