package io.identities.linkedin.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkCreated;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Learns of the share links identities-service makes; their pages are served here. */
@ApplicationScoped
public class ShareLinkHandler implements EventHandler {

  private final Events events;

  ShareLinkHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_SHARE_LINK_CREATED);
  }

  @Override
  public void handle(EventEnvelope event) {
    ShareLinkCreated created = events.data(event, ShareLinkCreated.class);
    ShareLink link = new ShareLink();
    link.id = created.linkId();
    link.orgId = event.orgid();
    link.tokenHash = created.tokenHash();
    link.identityId = created.identityId();
    link.identityName = created.identityName();
    link.organizationName = created.organizationName();
    link.invitedBy = created.invitedBy();
    link.expiresAt = created.expiresAt();
    link.createdAt = Instant.now();
    link.spendingClaim = UUID.randomUUID();
    link.persist();
  }
}
