package io.identities.warmup.domain;

import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Tells the platform how an identity's warm-up stands after a change (warmup.* events). Each
 * announcement of an order is later than the one before, so a follower keeping the latest change
 * ends with the last, even when two come within one tick of the clock.
 */
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
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
    if (order.announcedAt != null && !at.isAfter(order.announcedAt)) {
      at = order.announcedAt.plus(1, ChronoUnit.MICROS);
    }
    order.announcedAt = at;
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
            at));
  }
}
