package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Shows the identity's email warm-up as warmup-service announces it. */
@ApplicationScoped
public class WarmupHandler implements EventHandler {

  private final Events events;
  private final IdentityService identities;

  WarmupHandler(Events events, IdentityService identities) {
    this.events = events;
    this.identities = identities;
  }

  @Override
  public Set<String> types() {
    return EventTypes.WARMUP_CHANGES;
  }

  @Override
  public void handle(EventEnvelope event) {
    identities.warmupChanged(events.data(event, WarmupChanged.class));
  }
}
