package io.identities.warmup.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxSentByHand;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Set;

/**
 * Warns the owner of a running warm-up that mail was sent by hand from its inboxes (seen by
 * email-gateway in their Sent folder): the warm-up asks them to send nothing else while it runs.
 */
@ApplicationScoped
public class SentByHandHandler implements EventHandler {

  private final Events events;

  SentByHandHandler(Events events) {
    this.events = events;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.EMAIL_INBOX_SENT_BY_HAND);
  }

  @Override
  public void handle(EventEnvelope event) {
    InboxSentByHand sent = events.data(event, InboxSentByHand.class);
    WarmupOrder order = WarmupOrder.activeOf(sent.identityId()).orElse(null);
    if (order == null || !order.state.holdsCampaigns()) {
      return;
    }
    order = WarmupOrder.findById(order.id, LockModeType.PESSIMISTIC_WRITE);
    order.handSent += sent.count();
    order.warning =
        order.handSent
            + (order.handSent == 1 ? " email was" : " emails were")
            + " sent by hand from "
            + sent.address()
            + " during the warm-up (seen in its Sent folder): other mail weakens the warm-up,"
            + " send none until it ends";
  }
}
