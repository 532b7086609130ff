package io.identities.email.sending;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.inbox.EventHandler;
import io.identities.email.domain.EmailIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;

/**
 * Follows the identities' warm-ups (warmup-service): from warmup.started (and while it is paused or
 * extended) the identity's campaign sends are held; warmup.completed or warmup.cancelled releases
 * them, in their order. The latest change wins, whatever order the events arrive in.
 */
@ApplicationScoped
public class WarmupHandler implements EventHandler {

  private final Events events;
  private final Clock clock;

  WarmupHandler(Events events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Set<String> types() {
    return EventTypes.WARMUP_CHANGES;
  }

  @Override
  public void handle(EventEnvelope event) {
    WarmupChanged warmup = events.data(event, WarmupChanged.class);
    EmailIdentity identity = EmailIdentity.findById(warmup.identityId());
    if (identity == null) {
      // its replica has not arrived yet: the event is tried again (and dead-lettered in the end)
      throw new IllegalStateException("unknown identity " + warmup.identityId());
    }
    if (identity.warmupChangedAt != null && !warmup.changedAt().isAfter(identity.warmupChangedAt)) {
      return;
    }
    boolean was = identity.warmingUp;
    identity.warmingUp = !EventTypes.WARMUP_ENDS.contains(event.type());
    identity.warmupChangedAt = warmup.changedAt();
    if (was && !identity.warmingUp) {
      Send.releaseHeld(identity.identityId, clock.instant());
    }
  }
}
