package io.identities.email.warmup;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.inbox.EventHandler;
import io.identities.backbone.outbox.Outbox;
import io.identities.email.domain.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Takes warmup.email.send commands (warmup-service's plan) and queues each email for {@link
 * WarmupMailer}, with the random token and the Message-ID its recipient's side will know it by. An
 * inbox the gateway does not have answers warmup.email.failed at once.
 */
@ApplicationScoped
public class WarmupCommandHandler implements EventHandler {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Events events;
  private final Outbox outbox;
  private final Clock clock;
  private final Event<WarmupQueued> queued;

  WarmupCommandHandler(Events events, Outbox outbox, Clock clock, Event<WarmupQueued> queued) {
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
    this.queued = queued;
  }

  /** Fired when a warm-up email was queued, so the senders wake after commit. */
  public record WarmupQueued() {}

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.WARMUP_EMAIL_SEND);
  }

  @Override
  public void handle(EventEnvelope command) {
    WarmupEmails.Send send = events.data(command, WarmupEmails.Send.class);
    Instant now = clock.instant();
    Inbox inbox = Inbox.findById(send.inboxId());
    if (inbox == null) {
      outbox.publishEvent(
          EventTypes.WARMUP_EMAIL_FAILED,
          command.orgid(),
          send.emailId(),
          new WarmupEmails.Failed(
              send.emailId(), send.inboxId(), "the gateway has no such inbox", false, false, now));
      return;
    }
    WarmupMail mail = new WarmupMail();
    mail.id = send.emailId();
    mail.orgId = command.orgid();
    mail.inboxId = inbox.id;
    mail.recipient = send.recipient();
    mail.subject = send.subject();
    mail.body = send.text();
    mail.inReplyTo = send.inReplyTo();
    mail.references = send.references();
    mail.important = send.important();
    mail.token = newToken();
    mail.messageId =
        "<" + mail.id + "@" + inbox.address.substring(inbox.address.indexOf('@') + 1) + ">";
    mail.status = WarmupMail.Status.QUEUED;
    mail.queuedAt = now;
    mail.persist();
    queued.fire(new WarmupQueued());
  }

  /** 128 random bits: nobody outside can make a message pass for warm-up mail. */
  private static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
