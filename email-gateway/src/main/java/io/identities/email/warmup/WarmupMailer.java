package io.identities.email.warmup;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.schedule.WorkerPool;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.EmailIdentity;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxAccounts;
import io.identities.email.domain.InboxStatus;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.identities.email.mail.RecordedIdMessage;
import io.identities.email.mail.Refusal;
import io.identities.email.warmup.WarmupCommandHandler.WarmupQueued;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Sends the queued warm-up emails, each from its inbox's SMTP server as a plain-text message with
 * its token header, and tells warmup-service how it went (warmup.email.sent or .failed, saying
 * whether a refusal was about the recipient's address or the sender). Warm-up mail is not a
 * campaign send: it is never held, and never counts against the inbox's limits or in its
 * statistics.
 *
 * <p>Safe with any number of instances: a worker claims a mail under {@code FOR UPDATE SKIP
 * LOCKED}; one claimed by an instance that stopped is queued again after {@code stuck-after}.
 */
@ApplicationScoped
public class WarmupMailer {

  private static final int BATCH = 20;

  private final EntityManager entityManager;
  private final TenantContext tenant;
  private final InboxAccounts accounts;
  private final MailServers servers;
  private final Outbox outbox;
  private final Clock clock;
  private final WarmupConfig config;
  private final WorkerPool workers;

  WarmupMailer(
      EntityManager entityManager,
      TenantContext tenant,
      InboxAccounts accounts,
      MailServers servers,
      Outbox outbox,
      Clock clock,
      WarmupConfig config) {
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.accounts = accounts;
    this.servers = servers;
    this.outbox = outbox;
    this.clock = clock;
    this.config = config;
    this.workers = new WorkerPool("warmup", config.workers(), config.pollInterval(), this::sendDue);
  }

  void start(@Observes StartupEvent startup) {
    workers.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    workers.stop();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WarmupQueued queued) {
    workers.wake();
  }

  /** Sends a batch of queued warm-up emails; answers how many. */
  int sendDue() {
    List<WarmupMail> claimed = QuarkusTransaction.requiringNew().call(this::claim);
    for (WarmupMail mail : claimed) {
      send(mail);
    }
    return claimed.size();
  }

  @SuppressWarnings("unchecked")
  private List<WarmupMail> claim() {
    List<UUID> ids =
        entityManager
            .createNativeQuery(
                "select id from warmup_mail where status = 'QUEUED' order by queued_at limit "
                    + BATCH
                    + " for update skip locked",
                UUID.class)
            .getResultList();
    Instant now = clock.instant();
    return ids.stream()
        .map(
            id -> {
              WarmupMail mail = WarmupMail.findById(id);
              mail.status = WarmupMail.Status.SENDING;
              mail.claimedAt = now;
              return mail;
            })
        .toList();
  }

  private record Outgoing(MailAccount account, MimeMessage message) {}

  private void send(WarmupMail mail) {
    tenant.actFor(mail.orgId);
    MailFailure failure;
    try {
      Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> outgoing(mail));
      if (outgoing == null) {
        QuarkusTransaction.requiringNew()
            .run(() -> failed(mail.id, "the inbox is not connected", null));
        return;
      }
      failure = servers.sendAll(outgoing.account(), List.of(outgoing.message())).get(0);
    } catch (MailFailure refused) { // its OAuth authorization was refused
      failure = refused;
    }
    MailFailure outcome = failure;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (outcome == null) {
                sent(mail.id);
              } else {
                failed(mail.id, outcome.getMessage(), outcome.refusal());
              }
            });
  }

  /** The message as the recipient will get it, or null when the inbox cannot send now. */
  private Outgoing outgoing(WarmupMail mail) {
    Inbox inbox = Inbox.findById(mail.inboxId);
    if (inbox == null || inbox.status != InboxStatus.CONNECTED) {
      return null;
    }
    EmailIdentity identity = EmailIdentity.findById(inbox.identityId);
    return new Outgoing(accounts.of(inbox), compose(mail, inbox.address, identity.name));
  }

  /** Plain text, no links, no tracking: what a colleague would write. */
  static MimeMessage compose(WarmupMail mail, String fromAddress, String name) {
    try {
      MimeMessage message = new RecordedIdMessage(mail.messageId);
      message.setFrom(new InternetAddress(fromAddress, name, "UTF-8"));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient));
      message.setSubject(mail.subject, "UTF-8");
      message.setSentDate(new Date());
      message.setHeader(MailServers.WARMUP_TOKEN_HEADER, mail.token);
      if (mail.inReplyTo != null) {
        message.setHeader("In-Reply-To", mail.inReplyTo);
        message.setHeader("References", mail.references);
      }
      message.setText(mail.body, "UTF-8", "plain");
      message.saveChanges();
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("cannot write warm-up email " + mail.id, e);
    }
  }

  private void sent(UUID mailId) {
    WarmupMail mail = WarmupMail.findById(mailId, LockModeType.PESSIMISTIC_WRITE);
    mail.status = WarmupMail.Status.SENT;
    mail.sentAt = clock.instant();
    outbox.publishEvent(
        EventTypes.WARMUP_EMAIL_SENT,
        mail.orgId,
        mail.id,
        new WarmupEmails.Sent(mail.id, mail.inboxId, mail.messageId, mail.sentAt));
  }

  /**
   * The email failed (in the caller's transaction): warmup-service hears whom a permanent refusal
   * was about ({@code refusal}, null for any other failure), so a pool address that refused it
   * leaves the pool and a sender refused for its own sake is not mistaken for a bad address.
   */
  void failed(UUID mailId, String reason, Refusal refusal) {
    WarmupMail mail = WarmupMail.findById(mailId, LockModeType.PESSIMISTIC_WRITE);
    mail.status = WarmupMail.Status.FAILED;
    mail.statusReason = reason;
    outbox.publishEvent(
        EventTypes.WARMUP_EMAIL_FAILED,
        mail.orgId,
        mail.id,
        new WarmupEmails.Failed(
            mail.id,
            mail.inboxId,
            reason,
            refusal == Refusal.RECIPIENT,
            refusal == Refusal.SENDER,
            clock.instant()));
  }

  /** Warm-up mail claimed by an instance that stopped before sending it is queued again. */
  @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void requeueStuck() {
    int requeued =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "update warmup_mail set status = 'QUEUED', claimed_at = null"
                                + " where status = 'SENDING' and claimed_at < ?1")
                        .setParameter(1, clock.instant().minus(config.stuckAfter()))
                        .executeUpdate());
    if (requeued > 0) {
      workers.wake();
    }
  }
}
