package io.identities.warmup.plan;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.inbox.EventHandler;
import io.identities.warmup.domain.WarmupCourse;
import io.identities.warmup.domain.WarmupOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Set;
import java.util.UUID;

/**
 * Learns from email-gateway how each warm-up email went: sent (with its Message-ID; the first one
 * sent starts the period after which a cancellation is not refunded), failed (a recipient's server
 * refusing it for good takes that address out of the pool, and counts as the sender's bounce), or
 * found by its recipient in the inbox or in spam (which may pause the warm-up: {@link
 * WarmupCourse#landedInSpam}).
 */
@ApplicationScoped
public class ExchangeHandler implements EventHandler {

  private final Events events;
  private final Pool pool;
  private final WarmupCourse course;

  ExchangeHandler(Events events, Pool pool, WarmupCourse course) {
    this.events = events;
    this.pool = pool;
    this.course = course;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        EventTypes.WARMUP_EMAIL_SENT,
        EventTypes.WARMUP_EMAIL_FAILED,
        EventTypes.WARMUP_EMAIL_RECEIVED);
  }

  @Override
  public void handle(EventEnvelope event) {
    switch (event.type()) {
      case EventTypes.WARMUP_EMAIL_SENT -> sent(events.data(event, WarmupEmails.Sent.class));
      case EventTypes.WARMUP_EMAIL_FAILED -> failed(events.data(event, WarmupEmails.Failed.class));
      default -> received(events.data(event, WarmupEmails.Received.class));
    }
  }

  private void sent(WarmupEmails.Sent sent) {
    WarmupEmail email = email(sent.emailId());
    if (email == null || email.status != WarmupEmail.Status.REQUESTED) {
      return;
    }
    email.status = WarmupEmail.Status.SENT;
    email.messageId = sent.messageId();
    email.sentAt = sent.sentAt();
    WarmupOrder order = WarmupOrder.findById(email.orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order.firstEmailAt == null || sent.sentAt().isBefore(order.firstEmailAt)) {
      order.firstEmailAt = sent.sentAt();
    }
  }

  private void failed(WarmupEmails.Failed failed) {
    WarmupEmail email = email(failed.emailId());
    if (email == null || email.status != WarmupEmail.Status.REQUESTED) {
      return;
    }
    email.status = WarmupEmail.Status.FAILED;
    email.statusReason = failed.reason();
    if (failed.recipientRefused()) { // the pool address is at fault, not the sender
      email.bounced = true;
      pool.refused(email.recipientInboxId, failed.reason(), failed.failedAt());
    }
  }

  private void received(WarmupEmails.Received received) {
    WarmupEmail email = email(received.emailId());
    if (email == null || email.landedAt != null) {
      return;
    }
    email.placement = received.placement();
    email.landedAt = received.receivedAt();
    if (WarmupEmails.SPAM.equals(received.placement())) {
      course.landedInSpam(email.orderId, email.senderInboxId);
    }
  }

  private static WarmupEmail email(UUID id) {
    return WarmupEmail.findById(id, LockModeType.PESSIMISTIC_WRITE);
  }
}
