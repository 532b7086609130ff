package io.identities.warmup.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * Keeps {@link WarmupInbox} from email-gateway's inbox announcements, the latest one winning, and
 * tells the identity's warm-up ({@link WarmupCourse#inboxesChanged}).
 */
@ApplicationScoped
public class InboxesHandler implements EventHandler {

  private final Events events;
  private final WarmupCourse course;

  InboxesHandler(Events events, WarmupCourse course) {
    this.events = events;
    this.course = course;
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
    if (WarmupInbox.CONNECTED.equals(inbox.status)) {
      inbox.refusedAt = null; // connected again: its owner may have fixed it
      inbox.refusedReason = null;
    }
    inbox.persist();
    course.inboxesChanged(inbox.identityId);
  }
}
