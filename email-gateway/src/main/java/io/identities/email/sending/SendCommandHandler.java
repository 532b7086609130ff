package io.identities.email.sending;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Takes email.send commands from the bus. A command the gateway cannot accept (unknown identity,
 * invalid address) fails and ends in the dead-letter queue after the queue's retries.
 */
@ApplicationScoped
public class SendCommandHandler implements EventHandler {

  private final Events events;
  private final SendService sends;

  SendCommandHandler(Events events, SendService sends) {
    this.events = events;
    this.sends = sends;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.EMAIL_SEND);
  }

  @Override
  public void handle(EventEnvelope command) {
    sends.enqueue(command.id(), events.data(command, SendEmail.class));
  }
}
