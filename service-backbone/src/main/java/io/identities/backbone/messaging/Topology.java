package io.identities.backbone.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.identities.backbone.events.Exchanges;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Declares the platform's exchanges and this service's queue at start-up, before the consumers
 * attach (they are configured with {@code queue.declare=false}). Declarations are idempotent, so
 * every service declaring the shared exchanges is safe.
 *
 * <p>A consumer queue is a quorum queue. A message whose handler fails is retried with growing
 * delays ({@link MessagingConfig#retryDelays()}, see {@link Retries}), one retry queue per delay
 * whose messages expire back into the service's queue, and then goes to {@code <queue>.dlq}. A
 * message delivered again and again without ever being settled (its consumer crashes on it) is
 * dead-lettered there by the broker itself after {@link MessagingConfig#deliveryLimit()}
 * deliveries; at-least-once dead-lettering, so it is never dropped on the way.
 */
@ApplicationScoped
public class Topology {

  private static final Logger LOG = Logger.getLogger(Topology.class);

  private final Broker broker;
  private final MessagingConfig config;
  private final String queue;

  Topology(
      Broker broker,
      MessagingConfig config,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.broker = broker;
    this.config = config;
    this.queue = service;
  }

  /** The name of this service's consumer queue. */
  public String queue() {
    return queue;
  }

  /** The name of this service's dead-letter queue. */
  public String deadLetterQueue() {
    return queue + ".dlq";
  }

  /**
   * The queue a failed message waits {@code delay} in: its messages expire after it and go back to
   * this service's queue (dead-lettered to it through the default exchange).
   */
  public String retryQueue(Duration delay) {
    return queue + ".retry." + delay.toMillis() + "ms";
  }

  void declareAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent e)
      throws IOException, TimeoutException {
    try (Channel channel = broker.openChannel()) {
      declare(channel);
    }
  }

  /** Declares everything this service relies on; safe to call again on every new connection. */
  public void declare(Channel channel) throws IOException {
    channel.exchangeDeclare(Exchanges.EVENTS, BuiltinExchangeType.TOPIC, true);
    channel.exchangeDeclare(Exchanges.COMMANDS, BuiltinExchangeType.TOPIC, true);
    channel.exchangeDeclare(Exchanges.DEAD_LETTERS, BuiltinExchangeType.DIRECT, true);

    List<String> events = config.consumedEvents().orElse(List.of());
    List<String> commands = config.consumedCommands().orElse(List.of());
    if (events.isEmpty() && commands.isEmpty()) {
      return;
    }
    channel.queueDeclare(deadLetterQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
    channel.queueBind(deadLetterQueue(), Exchanges.DEAD_LETTERS, queue);
    channel.queueDeclare(
        queue,
        true,
        false,
        false,
        Map.of(
            "x-queue-type",
            "quorum",
            "x-delivery-limit",
            config.deliveryLimit(),
            "x-dead-letter-exchange",
            Exchanges.DEAD_LETTERS,
            "x-dead-letter-routing-key",
            queue,
            "x-dead-letter-strategy",
            "at-least-once",
            "x-overflow",
            "reject-publish"));
    for (Duration delay : config.retryDelays()) {
      channel.queueDeclare(
          retryQueue(delay),
          true,
          false,
          false,
          Map.of(
              "x-message-ttl",
              delay.toMillis(),
              "x-dead-letter-exchange",
              "",
              "x-dead-letter-routing-key",
              queue));
    }
    for (String routingKey : events) {
      channel.queueBind(queue, Exchanges.EVENTS, routingKey);
    }
    for (String routingKey : commands) {
      channel.queueBind(queue, Exchanges.COMMANDS, routingKey);
    }
    LOG.infof("queue %s consumes events %s and commands %s", queue, events, commands);
  }
}
