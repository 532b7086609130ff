package io.identities.backbone.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
   * How many times a message is delivered before it is moved to the dead-letter queue: one delivery
   * plus the retries of a handler that keeps failing.
   */
  @WithDefault("5")
  int deliveryLimit();
}
