package io.identities.email.receiving;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "email.receiving")
public interface ReceivingConfig {

  /** How often every connected inbox is read for replies and bounces. */
  @WithDefault("1m")
  Duration pollInterval();

  /** How many inboxes are read at once. */
  @WithDefault("4")
  int concurrency();

  /** The most messages read from one inbox per poll; the rest come next time. */
  @WithDefault("200")
  int batch();
}
