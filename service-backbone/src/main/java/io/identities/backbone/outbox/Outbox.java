package io.identities.backbone.outbox;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

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
    return write(Exchanges.EVENTS, events.envelope(type, orgId, String.valueOf(subject), data));
  }

  /**
   * Records a command to another service, for {@code orgId}, routed by its type; the command's id
   * is {@code id}, so the receiver acts on it once.
   */
  @Transactional(TxType.MANDATORY)
  public EventEnvelope sendCommand(String type, String orgId, UUID id, Object data) {
    return write(Exchanges.COMMANDS, events.envelope(id, type, orgId, String.valueOf(id), data));
  }

  private EventEnvelope write(String exchange, EventEnvelope envelope) {
    OutboxMessage message = new OutboxMessage();
    message.eventId = envelope.id();
    message.exchange = exchange;
    message.routingKey = envelope.type();
    message.envelope = events.write(envelope);
    message.createdAt = Instant.now();
    message.persist();
    written.fire(new OutboxWritten());
    return envelope;
  }

  /** Fired when a transaction wrote to the outbox, so the relay can publish right after commit. */
  public record OutboxWritten() {}
}
