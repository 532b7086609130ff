package io.identities.email.share;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkCreated;
import io.identities.backbone.events.ShareLinkSpent;
import io.identities.backbone.inbox.EventHandler;
import io.identities.email.domain.EmailIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Learns of update share links (those naming an identity this gateway knows): their owner may
 * reconnect the identity's inboxes through them. Links that add a new identity have no inbox yet. A
 * link spent on another page (LinkedIn's) is used here too; one spent on this page is marked in the
 * transaction that reconnects its inbox (marking it here first would refuse that reconnection).
 */
@ApplicationScoped
public class InboxShareLinkHandler implements EventHandler {

  private final Events events;

  InboxShareLinkHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_SHARE_LINK_CREATED, EventTypes.IDENTITY_SHARE_LINK_SPENT);
  }

  @Override
  public void handle(EventEnvelope event) {
    if (EventTypes.IDENTITY_SHARE_LINK_SPENT.equals(event.type())) {
      spent(events.data(event, ShareLinkSpent.class));
    } else {
      created(event.orgid(), events.data(event, ShareLinkCreated.class));
    }
  }

  private static void created(String orgId, ShareLinkCreated created) {
    if (created.identityId() == null
        || EmailIdentity.findByIdOptional(created.identityId()).isEmpty()) {
      return;
    }
    InboxShareLink link = new InboxShareLink();
    link.id = created.linkId();
    link.orgId = orgId;
    link.tokenHash = created.tokenHash();
    link.identityId = created.identityId();
    link.organizationName = created.organizationName();
    link.invitedBy = created.invitedBy();
    link.expiresAt = created.expiresAt();
    link.persist();
  }

  private static void spent(ShareLinkSpent spent) {
    if (!InboxShareService.PAGE.equals(spent.spentOn())) {
      InboxShareLink.update(
          "usedAt = ?1 where id = ?2 and usedAt is null", spent.spentAt(), spent.linkId());
    }
  }
}
