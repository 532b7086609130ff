package io.identities.backbone.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * This service's dead-letter queue, for its operators: its depth as the gauge {@code
 * identities.messaging.dead.letters} (tagged with the queue), and a replay that puts its messages
 * back into the service's queue once what made them fail is fixed, as a first try again.
 */
@ApplicationScoped
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);
  private static final long CONFIRM_TIMEOUT_MS = 5_000;

  private final Broker broker;
  private final Topology topology;
  private final AtomicLong depth = new AtomicLong();

  DeadLetters(Broker broker, Topology topology, MeterRegistry registry) {
    this.broker = broker;
    this.topology = topology;
    Gauge.builder("identities.messaging.dead.letters", depth, AtomicLong::get)
        .description("Messages in the service's dead-letter queue")
        .tag("queue", topology.deadLetterQueue())
        .register(registry);
  }

  /** How many messages wait in the dead-letter queue now (0 when the service has none). */
  public long depth() {
    try (Channel channel = broker.openChannel()) {
      long now = channel.messageCount(topology.deadLetterQueue());
      depth.set(now);
      return now;
    } catch (IOException | TimeoutException | RuntimeException e) {
      return depth.get(); // no such queue, or the broker is away: the last figure stands
    }
  }

  @Scheduled(
      every = "${identities.messaging.dead-letter-check:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void measure() {
    depth();
  }

  /**
   * Moves up to {@code limit} of the messages in the dead-letter queue now, oldest first, back into
   * the service's queue, each confirmed by the broker before it leaves the dead-letter queue;
   * answers how many moved (one that fails again is not moved twice).
   */
  public int replay(int limit) throws IOException {
    int moved = 0;
    try (Channel channel = broker.openChannel()) {
      channel.confirmSelect();
      // the ones there now: one that fails again at once comes back behind them, not again
      long bound = Math.min(limit, channel.messageCount(topology.deadLetterQueue()));
      for (GetResponse message =
              bound > 0 ? channel.basicGet(topology.deadLetterQueue(), false) : null;
          message != null;
          message = moved < bound ? channel.basicGet(topology.deadLetterQueue(), false) : null) {
        Map<String, Object> headers = new HashMap<>();
        if (message.getProps().getHeaders() != null) {
          headers.putAll(message.getProps().getHeaders());
        }
        headers.remove(Retries.ATTEMPTS); // a first try again, with all its retries
        headers.remove("x-death");
        AMQP.BasicProperties properties = message.getProps().builder().headers(headers).build();
        channel.basicPublish("", topology.queue(), properties, message.getBody());
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
        moved++;
      }
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("the broker did not confirm a replayed message", e);
    }
    LOG.infof("replayed %d message(s) from %s", moved, topology.deadLetterQueue());
    depth();
    return moved;
  }
}
