package io.identities.warmup.plan;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.inbox.EventHandler;
import io.identities.warmup.domain.WarmupCourse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Set;
import java.util.UUID;

/**
 * Learns from email-gateway how each warm-up email went: sent (with its Message-ID), failed at send
 * time or reported undelivered later (a pool address refused for good leaves the pool and costs the
 * sender nothing; a refusal of the sender itself, its policy or its message, is the sender's
 * bounce), or found by its recipient in the inbox or in spam (which may pause the warm-up: {@link
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
  }

  private void failed(WarmupEmails.Failed failed) {
    WarmupEmail email = email(failed.emailId());
    boolean underWay =
        email != null
            && (email.status == WarmupEmail.Status.REQUESTED
                || email.status == WarmupEmail.Status.SENT && email.landedAt == null);
    if (!underWay) { // a delivery report can come after it was sent, never after it landed
      return;
    }
    email.status = WarmupEmail.Status.FAILED;
    email.statusReason = failed.reason();
    if (failed.recipientRefused()) { // the pool address is at fault: not the sender's bounce
      pool.refused(email.recipientInboxId, failed.reason(), failed.failedAt());
    } else if (failed.senderRefused()) {
      email.bounced = true;
    }
  }

  private void received(WarmupEmails.Received received) {
    WarmupEmail email = email(received.emailId());
    if (email == null || email.landedAt != null) {
      return;
    }
    email.placement = received.placement();
    email.landedAt = received.receivedAt();
    if (WarmupEmails.SPAM.equals(received.placement())
        && email.orderId != null) { // a seed has none
      course.landedInSpam(email.orderId, email.senderInboxId);
    }
  }

  private static WarmupEmail email(UUID id) {
    return WarmupEmail.findById(id, LockModeType.PESSIMISTIC_WRITE);
  }
}
