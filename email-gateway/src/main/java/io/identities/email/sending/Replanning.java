package io.identities.email.sending;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.inbox.EventHandler;
import io.identities.email.domain.InboxEvents.InboxChanged;
import io.identities.email.sending.SendService.SendQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Plans an identity's waiting sends again when what they wait on changes: its limits or working
 * hours (identity.updated, in the transaction that applies the snapshot to its replica; a snapshot
 * is the whole identity, not what changed, so every one plans again) or its inboxes (one connected,
 * disconnected or paused, in the transaction that records it). A send queued for a later slot got
 * that slot, and its reason, from rules that no longer hold, so it is due again now (one update of
 * the identity's queue, however long) and the {@link Dispatcher} decides it with the new ones: it
 * goes out, or waits for its new slot with its new reason. A send backing off after a failed
 * attempt is tried again then as well.
 *
 * <p>Under the lock the Dispatcher decides the identity's sends under: a decision made with the old
 * rules commits before the sends are planned again, and none starts until the new rules are
 * committed with them.
 */
@ApplicationScoped
public class Replanning implements EventHandler {

  private final Events events;
  private final EntityManager entityManager;
  private final Clock clock;
  private final Event<SendQueued> queued;

  Replanning(Events events, EntityManager entityManager, Clock clock, Event<SendQueued> queued) {
    this.events = events;
    this.entityManager = entityManager;
    this.clock = clock;
    this.queued = queued;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_UPDATED);
  }

  @Override
  public void handle(EventEnvelope event) {
    replan(events.data(event, IdentitySnapshot.class).identityId());
  }

  void inboxChanged(@Observes InboxChanged changed) {
    replan(changed.inbox().identityId);
  }

  private void replan(UUID identityId) {
    entityManager
        .createNativeQuery("select 1 from email_identity where identity_id = ?1 for no key update")
        .setParameter(1, identityId)
        .getResultList();
    if (Send.replan(identityId, clock.instant()) > 0) {
      queued.fire(new SendQueued()); // the workers look at them right after the commit
    }
  }
}
