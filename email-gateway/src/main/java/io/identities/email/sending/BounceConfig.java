package io.identities.email.sending;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When an inbox bounces too much to go on sending (deliverability protects every inbox). */
@ConfigMapping(prefix = "email.bounces")
public interface BounceConfig {

  /** The bounce rate above which an inbox is paused. */
  @WithDefault("0.02")
  double maxRate();

  /** Sends over the window before the rate is judged at all. */
  @WithDefault("20")
  int minSends();

  @WithDefault("28d")
  Duration window();
}
