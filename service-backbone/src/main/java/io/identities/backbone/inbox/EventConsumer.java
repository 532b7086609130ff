package io.identities.backbone.inbox;

import io.identities.backbone.database.DatabaseUnreachable;
import io.identities.backbone.messaging.Retries;
import io.quarkus.arc.All;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes this service's queue and hands each event to the {@link EventHandler}s of its type,
 * through the idempotent {@link Inbox}. Present only in services that bind their queue to some
 * events ({@code identities.messaging.consumed-events}); events nobody handles are acknowledged. A
 * message whose handling fails goes to {@link Retries} (a later retry, or the dead-letter queue),
 * and is requeued only if even that fails; a failure to reach the service's database does not count
 * as one of its attempts, so it waits out an outage of any length.
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
  private final Retries retries;
  private final List<EventHandler> handlers;

  EventConsumer(Inbox inbox, Retries retries, @All List<EventHandler> handlers) {
    this.inbox = inbox;
    this.retries = retries;
    this.handlers = handlers;
  }

  @Incoming(CHANNEL)
  @Blocking
  public CompletionStage<Void> consume(Message<byte[]> message) {
    try {
      inbox.receive(
          message.getPayload(),
          event ->
              handlers.stream()
                  .filter(handler -> handler.types().contains(event.type()))
                  .forEach(handler -> handler.handle(event)));
    } catch (RuntimeException failure) {
      var metadata = message.getMetadata(IncomingRabbitMQMetadata.class);
      int attempts =
          metadata.flatMap(m -> m.getHeader(Retries.ATTEMPTS, Integer.class)).orElse(0)
              // the database out of reach is no fault of the message: not an attempt, so an
              // outage longer than the retries never sends it to the dead-letter queue
              + (DatabaseUnreachable.isCauseOf(failure) ? 0 : 1);
      try {
        retries.failed(
            message.getPayload(),
            metadata.flatMap(IncomingRabbitMQMetadata::getMessageId).orElse(null),
            attempts,
            failure);
      } catch (IOException unmoved) {
        return message.nack(failure); // requeued: tried again at once
      }
    }
    return message.ack();
  }
}
