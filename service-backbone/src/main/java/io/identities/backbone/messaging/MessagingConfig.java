package io.identities.backbone.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which messages this service consumes; its queue is named after the service. */
@ConfigMapping(prefix = "identities.messaging")
public interface MessagingConfig {

  /**
   * Routing keys (event types, wildcards allowed) this service's queue takes from the events
   * exchange.
   */
  Optional<List<String>> consumedEvents();

  /** Routing keys (command types) this service's queue takes from the commands exchange. */
  Optional<List<String>> consumedCommands();

  /**
   * How long a message whose handler failed waits before each retry; after the last one fails it
   * goes to the dead-letter queue. Each delay is a queue of its own ({@code <queue>.retry.<ms>ms}).
   */
  @WithDefault("5s,30s,2m,10m")
  List<Duration> retryDelays();

  /**
   * The broker's own limit, for a message that never reaches the retries (its consumer crashes on
   * it): delivered this many times, it is dead-lettered.
   */
  @WithDefault("5")
  int deliveryLimit();

  /** How often the dead-letter queue's depth is read for its metric. */
  @WithDefault("30s")
  Duration deadLetterCheck();
}
