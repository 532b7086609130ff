package io.identities.linkedin.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkSpent;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Learns that identities-service spent a share link on another page (email-gateway's inbox page):
 * opening it here then says it has been used. A link spent by this gateway is marked when its
 * connection is recorded, so one whose connection could not be recorded can still complete it.
 */
@ApplicationScoped
public class ShareLinkSpentHandler implements EventHandler {

  private final Events events;

  ShareLinkSpentHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_SHARE_LINK_SPENT);
  }

  @Override
  public void handle(EventEnvelope event) {
    ShareLinkSpent spent = events.data(event, ShareLinkSpent.class);
    if (ShareLinkService.SPENT_ON.equals(spent.spentOn())) {
      return;
    }
    ShareLink.<ShareLink>findByIdOptional(spent.linkId(), LockModeType.PESSIMISTIC_WRITE)
        .filter(link -> link.usedAt == null)
        .ifPresent(
            link -> link.spend(Objects.requireNonNullElseGet(spent.spentAt(), Instant::now)));
  }
}
