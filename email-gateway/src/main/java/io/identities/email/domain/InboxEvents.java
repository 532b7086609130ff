package io.identities.email.domain;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Tells, in the transaction that changed it, that an inbox was connected or stopped sending: the
 * platform (email.inbox.connected / disconnected: identities-service shows the email channel) and
 * this service's sending, which holds or releases the inbox's leads ({@link InboxChanged}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InboxEvents {

  private final Outbox outbox;
  private final TenantContext tenant;
  private final Event<InboxChanged> changed;

  InboxEvents(Outbox outbox, TenantContext tenant, Event<InboxChanged> changed) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.changed = changed;
  }

  /** An inbox's status changed; observers run in the same transaction. */
  public record InboxChanged(Inbox inbox) {}

  public void changed(Inbox inbox) {
    inbox.flush();
    long connected =
        Inbox.count("identityId = ?1 and status = ?2", inbox.identityId, InboxStatus.CONNECTED);
    outbox.publishEvent(
        inbox.status == InboxStatus.CONNECTED
            ? EventTypes.EMAIL_INBOX_CONNECTED
            : EventTypes.EMAIL_INBOX_DISCONNECTED,
        tenant.orgId(),
        inbox.id,
        new InboxConnectionChanged(
            inbox.identityId, inbox.id, inbox.address, inbox.status.name(), (int) connected));
    changed.fire(new InboxChanged(inbox));
  }
}
