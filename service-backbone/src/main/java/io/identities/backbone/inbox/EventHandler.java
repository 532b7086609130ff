package io.identities.backbone.inbox;

import io.identities.backbone.events.EventEnvelope;
import java.util.Set;

/**
 * Handles some event types for this service. The service's {@link EventConsumer} calls it once per
 * event, inside the transaction that records the event as processed.
 */
public interface EventHandler {

  /** The event types this handler acts on. */
  Set<String> types();

  void handle(EventEnvelope event);
}
