package io.identities.backbone.inbox;

import io.quarkus.arc.All;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes this service's queue and hands each event to the {@link EventHandler}s of its type,
 * through the idempotent {@link Inbox}. Present only in services that bind their queue to some
 * events ({@code identities.messaging.consumed-events}); events nobody handles are acknowledged.
 */
@ApplicationScoped
@UnlessBuildProperty(
    name = "identities.messaging.consumed-events",
    stringValue = "",
    enableIfMissing = false)
public class EventConsumer {

  /** The SmallRye channel of the service's queue (configured in the backbone's defaults). */
  public static final String CHANNEL = "events";

  private final Inbox inbox;
  private final List<EventHandler> handlers;

  EventConsumer(Inbox inbox, @All List<EventHandler> handlers) {
    this.inbox = inbox;
    this.handlers = handlers;
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(byte[] message) {
    inbox.receive(
        message,
        event ->
            handlers.stream()
                .filter(handler -> handler.types().contains(event.type()))
                .forEach(handler -> handler.handle(event)));
  }
}
