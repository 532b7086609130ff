package io.identities.backbone.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.messaging.Broker;
import io.identities.backbone.messaging.Topology;
import io.identities.backbone.outbox.Outbox.OutboxWritten;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to RabbitMQ with publisher confirms and marks messages published only once
 * the broker confirmed them. Runs right after each commit that wrote to the outbox and every couple
 * of seconds, so a broker outage only delays messages: they stay pending and go out, in order, when
 * the broker is back. Delivery is at-least-once; consumers deduplicate on the event id.
 *
 * <p>Messages are published {@code mandatory}: one the broker returns because no queue takes it (a
 * service not deployed yet, its queue not declared yet) is not published. It stays in the outbox,
 * is logged once by name, counted in {@code identities.outbox.unroutable}, and tried again ever
 * less often (up to every {@link #LONGEST_RETRY_DELAY}) without holding up the messages behind it.
 *
 * <p>One relay at a time publishes (a PostgreSQL advisory lock), so replicas of a service cannot
 * reorder an aggregate's events.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final int BATCH = 200;
  private static final long CONFIRM_TIMEOUT_MS = 5_000;
  static final Duration LONGEST_RETRY_DELAY = Duration.ofMinutes(5);

  /** Arbitrary, fixed: the advisory lock that makes one relay per database publish at a time. */
  private static final long RELAY_LOCK = 0x6f7574626f78L;

  private final Broker broker;
  private final Topology topology;
  private final EntityManager entityManager;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean runQueued = new AtomicBoolean();
  private final AtomicLong unroutable = new AtomicLong();
  private volatile boolean healthy = true;

  OutboxRelay(
      Broker broker, Topology topology, EntityManager entityManager, MeterRegistry registry) {
    this.broker = broker;
    this.topology = topology;
    this.entityManager = entityManager;
    Gauge.builder("identities.outbox.unroutable", unroutable, AtomicLong::get)
        .description("Outbox messages the broker returned: no queue takes them yet")
        .register(registry);
  }

  /** 2 s after the first return, doubling, at most {@link #LONGEST_RETRY_DELAY}. */
  static Duration retryDelay(int attempts) {
    Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 12));
    return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    wake();
  }

  @Scheduled(
      every = "${identities.outbox.poll-interval:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
  }

  /** Asks for a run; runs requested while one is queued are folded into it. */
  public void wake() {
    if (!worker.isShutdown() && runQueued.compareAndSet(false, true)) {
      worker.execute(this::drain);
    }
  }

  private void drain() {
    runQueued.set(false);
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate(); // Hibernate asks the (request-scoped) tenant of each session
    try {
      while (publishBatch() == BATCH) {
        // a full batch: there may be more
      }
      if (!healthy) {
        LOG.info("outbox relay publishing again");
        healthy = true;
      }
    } catch (Exception e) {
      if (healthy) {
        LOG.warnf("outbox relay cannot publish, will retry: %s", e.toString());
        healthy = false;
      }
    } finally {
      requestContext.terminate();
    }
  }

  /** Publishes the oldest pending messages; returns how many. */
  private int publishBatch() throws Exception {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Boolean locked =
                  (Boolean)
                      entityManager
                          .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                          .setParameter(1, RELAY_LOCK)
                          .getSingleResult();
              if (!locked) {
                return 0;
              }
              Instant now = Instant.now();
              List<OutboxMessage> pending =
                  OutboxMessage.<OutboxMessage>find(
                          "publishedAt is null and (nextAttemptAt is null or nextAttemptAt <= ?1)"
                              + " order by position",
                          now)
                      .page(0, BATCH)
                      .list();
              boolean unroutableChanged = false;
              if (!pending.isEmpty()) {
                Set<String> returned = publish(pending);
                unroutableChanged =
                    !returned.isEmpty()
                        || pending.stream().anyMatch(m -> m.unroutableSince != null);
                for (OutboxMessage message : pending) {
                  if (!returned.contains(message.eventId.toString())) {
                    message.published(now);
                  } else {
                    if (message.unroutableSince == null) {
                      LOG.warnf(
                          "outbox message %s (%s) is unroutable: no queue takes %s on %s yet;"
                              + " kept and tried again",
                          message.eventId,
                          message.routingKey,
                          message.routingKey,
                          message.exchange);
                    }
                    message.returned(now);
                  }
                }
              }
              if (unroutableChanged) { // counted again only when this batch changed it
                unroutable.set(
                    OutboxMessage.count("publishedAt is null and unroutableSince is not null"));
              }
              return pending.size();
            });
  }

  /** Publishes the messages, confirmed; answers the event ids the broker returned unroutable. */
  private Set<String> publish(List<OutboxMessage> messages) throws Exception {
    Set<String> returned = ConcurrentHashMap.newKeySet();
    try (Channel channel = broker.openChannel()) {
      if (!healthy) {
        topology.declare(channel); // the broker may have come back without our exchanges
      }
      // the broker sends a message's return before its confirm, on the connection's one thread
      channel.addReturnListener(back -> returned.add(back.getProperties().getMessageId()));
      channel.confirmSelect();
      for (OutboxMessage message : messages) {
        channel.basicPublish(
            message.exchange,
            message.routingKey,
            true, // mandatory: returned when no queue takes it
            properties(message),
            message.envelope.getBytes(StandardCharsets.UTF_8));
      }
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    }
    return returned;
  }

  private static AMQP.BasicProperties properties(OutboxMessage message) {
    return new AMQP.BasicProperties.Builder()
        .contentType(EventEnvelope.CONTENT_TYPE)
        .contentEncoding("UTF-8")
        .deliveryMode(2) // persistent
        .messageId(message.eventId.toString())
        .type(message.routingKey)
        .timestamp(Date.from(message.createdAt))
        .build();
  }

  /** Published messages are kept a week for inspection, then deleted. */
  @Scheduled(every = "1h", delayed = "1m")
  void purgePublished() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "delete from outbox_message where published_at < now() - interval '7 days'")
                    .executeUpdate());
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    worker.shutdown();
    worker.awaitTermination(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }
}
