package io.identities.backbone.outbox;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;

/**
 * Where a domain service puts the events of a state change: in the same transaction, so the event
 * exists exactly when the change does. {@link OutboxRelay} publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

  private final Events events;
  private final Event<OutboxWritten> written;

  Outbox(Events events, Event<OutboxWritten> written) {
    this.events = events;
    this.written = written;
  }

  /** Records a domain event of {@code orgId} about {@code subject}, routed by its type. */
  @Transactional(TxType.MANDATORY)
  public EventEnvelope publishEvent(String type, String orgId, Object subject, Object data) {
    EventEnvelope envelope = events.envelope(type, orgId, String.valueOf(subject), data);
    OutboxMessage message = new OutboxMessage();
    message.eventId = envelope.id();
    message.exchange = Exchanges.EVENTS;
    message.routingKey = type;
    message.envelope = events.write(envelope);
    message.createdAt = Instant.now();
    message.persist();
    written.fire(new OutboxWritten());
    return envelope;
  }

  /** Fired when a transaction wrote to the outbox, so the relay can publish right after commit. */
  public record OutboxWritten() {}
}
