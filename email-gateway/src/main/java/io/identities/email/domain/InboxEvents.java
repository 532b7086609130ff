package io.identities.email.domain;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

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
  private final EntityManager entityManager;

  InboxEvents(
      Outbox outbox,
      TenantContext tenant,
      Event<InboxChanged> changed,
      EntityManager entityManager) {
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.changed = changed;
  }

  /** An inbox's status changed; observers run in the same transaction. */
  public record InboxChanged(Inbox inbox) {}

  public void changed(Inbox inbox) {
    inbox.flush();
    // the identity's row stays locked to the commit: one inbox change of an identity at a time,
    // so the count below sees every committed one and the versions follow the commit order
    List<?> counted =
        entityManager
            .createNativeQuery(
                "update email_identity set inboxes_version = inboxes_version + 1"
                    + " where identity_id = ?1 returning inboxes_version")
            .setParameter(1, inbox.identityId)
            .getResultList();
    long version = counted.isEmpty() ? 0 : ((Number) counted.get(0)).longValue();
    long connected =
        Inbox.count("identityId = ?1 and status = ?2", inbox.identityId, InboxStatus.CONNECTED);
    outbox.publishEvent(
        inbox.status == InboxStatus.CONNECTED
            ? EventTypes.EMAIL_INBOX_CONNECTED
            : EventTypes.EMAIL_INBOX_DISCONNECTED,
        tenant.orgId(),
        inbox.id,
        new InboxConnectionChanged(
            inbox.identityId,
            inbox.id,
            inbox.address,
            inbox.status.name(),
            (int) connected,
            version));
    changed.fire(new InboxChanged(inbox));
  }
}
