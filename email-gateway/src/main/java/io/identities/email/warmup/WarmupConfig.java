package io.identities.email.warmup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway sends and tidies away warm-up mail (keys {@code email.warmup.*}). */
@ConfigMapping(prefix = "email.warmup")
public interface WarmupConfig {

  /** The folder received warm-up mail is filed into, out of the owner's sight. */
  @WithDefault("Warm-up")
  String folder();

  /** Threads sending warm-up mail on each instance (0: this instance leaves it to others). */
  @WithDefault("1")
  int workers();

  /** How often idle senders look for warm-up mail (a new command wakes them at once). */
  @WithDefault("30s")
  Duration pollInterval();

  /** How long a recipient's mailbox is searched for a warm-up email after it was sent. */
  @WithDefault("2d")
  Duration lookFor();

  /** A send claimed longer ago than this by an instance that stopped is tried again. */
  @WithDefault("10m")
  Duration stuckAfter();
}
