package io.identities.email.share;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkCreated;
import io.identities.backbone.inbox.EventHandler;
import io.identities.email.domain.EmailIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Learns of update share links (those naming an identity this gateway knows): their owner may
 * reconnect the identity's inboxes through them. Links that add a new identity have no inbox yet.
 */
@ApplicationScoped
public class InboxShareLinkHandler implements EventHandler {

  private final Events events;

  InboxShareLinkHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_SHARE_LINK_CREATED);
  }

  @Override
  public void handle(EventEnvelope event) {
    ShareLinkCreated created = events.data(event, ShareLinkCreated.class);
    if (created.identityId() == null
        || EmailIdentity.findByIdOptional(created.identityId()).isEmpty()) {
      return;
    }
    InboxShareLink link = new InboxShareLink();
    link.id = created.linkId();
    link.orgId = event.orgid();
    link.tokenHash = created.tokenHash();
    link.identityId = created.identityId();
    link.organizationName = created.organizationName();
    link.invitedBy = created.invitedBy();
    link.expiresAt = created.expiresAt();
    link.persist();
  }
}
