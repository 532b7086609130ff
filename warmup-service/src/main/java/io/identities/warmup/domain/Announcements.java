package io.identities.warmup.domain;

import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Tells the platform how an identity's warm-up stands after a change (warmup.* events). */
@ApplicationScoped
public class Announcements {

  private final Outbox outbox;
  private final Clock clock;

  Announcements(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** In the transaction of the change. */
  public void announce(String type, WarmupOrder order) {
    outbox.publishEvent(
        type,
        order.orgId,
        order.identityId,
        new WarmupChanged(
            order.identityId,
            order.id,
            order.state.name(),
            order.startedAt,
            order.endsAt,
            order.stateReason,
            clock.instant()));
  }
}
