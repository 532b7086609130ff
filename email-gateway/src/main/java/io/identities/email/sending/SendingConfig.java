package io.identities.email.sending;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "email.sending")
public interface SendingConfig {

  /**
   * How many sends this instance decides and hands to SMTP servers at once. Instances share the
   * work through the database, so the limits hold across any number of them. With 0 the instance
   * takes sends in and leaves sending to the others.
   */
  @WithDefault("2")
  int workers();

  /** How often idle workers look for sends whose slot has come. */
  @WithDefault("1s")
  Duration pollInterval();

  /** A send left reserved this long (its instance died mid-send) is tried again. */
  @WithDefault("10m")
  Duration stuckAfter();

  /** Logins refused in a row before an inbox is paused. */
  @WithDefault("10")
  int authFailuresBeforePause();
}
