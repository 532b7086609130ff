package io.identities.backbone.messaging;

import com.rabbitmq.client.Channel;
import io.identities.backbone.schedule.Leases;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says loudly when more consumers take this service's queue than there are replicas of it: another
 * deployment on the same RabbitMQ virtual host (a second platform sharing the broker) takes some of
 * its messages, and they are lost to it for good. Each replica marks itself present in the
 * service's database (a lease it renews), where all replicas of one deployment meet; the broker
 * tells how many consumers the queue has. Checked shortly after start and every half minute; the
 * count is also the metric {@code identities_messaging_unexpected_consumers}.
 */
@ApplicationScoped
public class QueueConsumers {

  private static final Logger LOG = Logger.getLogger(QueueConsumers.class);

  /** The lease each replica of the service holds while it runs. */
  static final String PRESENCE = "replica";

  private static final Duration PRESENT_FOR = Duration.ofSeconds(90);

  private final Broker broker;
  private final Topology topology;
  private final boolean consumes;
  private final Leases leases;
  private final String virtualHost;
  private final UUID replica = UUID.randomUUID();
  private final AtomicInteger unexpected = new AtomicInteger();

  QueueConsumers(
      Broker broker,
      Topology topology,
      Leases leases,
      MessagingConfig config,
      MeterRegistry registry,
      @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/") String virtualHost) {
    this.broker = broker;
    this.topology = topology;
    this.leases = leases;
    this.consumes =
        !config.consumedEvents().orElse(List.of()).isEmpty()
            || !config.consumedCommands().orElse(List.of()).isEmpty();
    this.virtualHost = virtualHost;
    Gauge.builder("identities.messaging.unexpected.consumers", unexpected, AtomicInteger::get)
        .description("consumers on this service's queue beyond its replicas")
        .register(registry);
  }

  void present(@Observes StartupEvent start) {
    leases.hold(PRESENCE, replica, PRESENT_FOR);
  }

  void gone(@Observes ShutdownEvent stop) {
    leases.release(PRESENCE, replica);
  }

  @Scheduled(every = "30s", delayed = "15s")
  void check() {
    try {
      unexpected();
    } catch (IOException | RuntimeException e) {
      LOG.debugf("cannot count the consumers of %s now: %s", topology.queue(), e.getMessage());
    }
  }

  /**
   * Consumers on this service's queue beyond one per replica present: 0 when the queue is this
   * deployment's alone (or the service consumes nothing).
   */
  public int unexpected() throws IOException {
    leases.hold(PRESENCE, replica, PRESENT_FOR);
    if (!consumes) {
      return 0;
    }
    int consumers;
    try (Channel channel = broker.openChannel()) {
      consumers = channel.queueDeclarePassive(topology.queue()).getConsumerCount();
    } catch (TimeoutException e) {
      throw new IOException(e);
    }
    int replicas = leases.held(PRESENCE);
    int strangers = Math.max(0, consumers - replicas);
    int before = unexpected.getAndSet(strangers);
    if (strangers > 0 && strangers != before) {
      LOG.errorf(
          "%d consumer(s) on queue %s but %d replica(s) of this service share its database: another"
              + " deployment on RabbitMQ virtual host '%s' is taking this service's messages, and"
              + " they are lost to it. Give each platform a virtual host of its own"
              + " (RABBITMQ_VHOST).",
          consumers, topology.queue(), replicas, virtualHost);
    } else if (strangers == 0 && before > 0) {
      LOG.infof("queue %s is consumed by this service's replicas alone again", topology.queue());
    }
    return strangers;
  }
}
