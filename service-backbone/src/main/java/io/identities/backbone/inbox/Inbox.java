package io.identities.backbone.inbox;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/**
 * The idempotent receiving end of every consumer: each event is handled at most once, in one
 * transaction with the record that it was processed, so a redelivered event changes nothing. A
 * handler that throws rolls everything back and the message is delivered again, up to the queue's
 * delivery limit, after which the broker moves it to the dead-letter queue.
 */
@ApplicationScoped
public class Inbox {

  /** Redeliveries happen within minutes; processed ids are kept far longer than that. */
  private static final String RETENTION = "30 days";

  private final Events events;
  private final TenantContext tenant;
  private final EntityManager entityManager;

  Inbox(Events events, TenantContext tenant, EntityManager entityManager) {
    this.events = events;
    this.tenant = tenant;
    this.entityManager = entityManager;
  }

  /**
   * Reads the message and, the first time its event is seen, runs {@code handler} for its
   * organization.
   */
  @ActivateRequestContext
  public void receive(byte[] body, Consumer<EventEnvelope> handler) {
    EventEnvelope event = events.read(body);
    tenant.actFor(event.orgid());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (firstDelivery(event)) {
                handler.accept(event);
              }
            });
  }

  private boolean firstDelivery(EventEnvelope event) {
    return entityManager
            .createNativeQuery(
                "insert into processed_event (event_id, type) values (?1, ?2) on conflict do nothing")
            .setParameter(1, event.id())
            .setParameter(2, event.type())
            .executeUpdate()
        == 1;
  }

  @Scheduled(every = "1h", delayed = "1m")
  void forgetOldEvents() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "delete from processed_event where processed_at < now() - interval '"
                            + RETENTION
                            + "'")
                    .executeUpdate());
  }
}
