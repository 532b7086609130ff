package io.identities.warmup.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** Keeps {@link WarmupInbox} from email-gateway's inbox announcements, the latest one winning. */
@ApplicationScoped
public class InboxesHandler implements EventHandler {

  private final Events events;

  InboxesHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.EMAIL_INBOX_CONNECTED, EventTypes.EMAIL_INBOX_DISCONNECTED);
  }

  @Override
  public void handle(EventEnvelope event) {
    InboxConnectionChanged changed = events.data(event, InboxConnectionChanged.class);
    Instant at = event.time().toInstant();
    WarmupInbox inbox = WarmupInbox.findById(changed.inboxId());
    if (inbox == null) {
      inbox = new WarmupInbox();
      inbox.inboxId = changed.inboxId();
      inbox.orgId = event.orgid();
    } else if (!at.isAfter(inbox.changedAt)) {
      return;
    }
    inbox.identityId = changed.identityId();
    inbox.address = changed.address();
    inbox.status = changed.status();
    inbox.changedAt = at;
    inbox.persist();
  }
}
