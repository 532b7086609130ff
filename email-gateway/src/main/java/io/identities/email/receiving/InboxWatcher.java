package io.identities.email.receiving;

import io.identities.backbone.events.ActivityEvents.EmailReplied;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.schedule.Leases;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxAccounts;
import io.identities.email.domain.InboxEvents;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.identities.email.mail.MailServers.Fetched;
import io.identities.email.mail.ReceivedMessage;
import io.identities.email.sending.Bounces;
import io.identities.email.sending.Send;
import io.identities.email.sending.SendStatus;
import io.identities.email.sending.SendingConfig;
import io.identities.email.warmup.HandSentMail;
import io.identities.email.warmup.WarmupReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads every connected inbox over IMAP, incrementally by UID and a few inboxes at a time, once per
 * poll interval whatever the number of replicas (each inbox's read is leased): a message answering
 * an email the gateway sent is a reply (email.replied, once per lead and step); a delivery status
 * notification reporting a failure is a bounce (email.bounced), or, about warm-up mail, news for
 * warmup-service ({@link WarmupReceiver#reported}). Warm-up mail on its way to the inbox is tidied
 * away by {@link WarmupReceiver}, and is neither; while the identity warms up, {@link HandSentMail}
 * looks at its Sent folder.
 */
@ApplicationScoped
public class InboxWatcher {

  private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

  /** The lease of an inbox's reading: one replica reads it per poll interval. */
  static final String READ = "inbox.read";

  private final MailServers servers;
  private final InboxAccounts accounts;
  private final Outbox outbox;
  private final Bounces bounces;
  private final InboxEvents inboxEvents;
  private final TenantContext tenant;
  private final EntityManager entityManager;
  private final Clock clock;
  private final ReceivingConfig config;
  private final SendingConfig sending;
  private final WarmupReceiver warmup;
  private final HandSentMail handSent;
  private final Leases leases;
  private final Counter reads;

  InboxWatcher(
      MailServers servers,
      InboxAccounts accounts,
      Outbox outbox,
      Bounces bounces,
      InboxEvents inboxEvents,
      TenantContext tenant,
      EntityManager entityManager,
      Clock clock,
      ReceivingConfig config,
      SendingConfig sending,
      WarmupReceiver warmup,
      HandSentMail handSent,
      Leases leases,
      MeterRegistry meters) {
    this.servers = servers;
    this.accounts = accounts;
    this.outbox = outbox;
    this.bounces = bounces;
    this.inboxEvents = inboxEvents;
    this.tenant = tenant;
    this.entityManager = entityManager;
    this.clock = clock;
    this.config = config;
    this.sending = sending;
    this.warmup = warmup;
    this.handSent = handSent;
    this.leases = leases;
    this.reads =
        Counter.builder("identities.email.inbox.reads")
            .description("Inboxes read over IMAP by this replica")
            .register(meters);
  }

  @Scheduled(
      every = "${email.receiving.poll-interval:1m}", // ReceivingConfig.pollInterval
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pollConnectedInboxes() {
    List<Object[]> inboxes = connectedInboxes();
    // a little less than the interval, so the next round finds the lease run out
    Duration lease = config.pollInterval().multipliedBy(9).dividedBy(10);
    ExecutorService readers = Executors.newFixedThreadPool(config.concurrency());
    for (Object[] inbox : inboxes) {
      readers.execute(
          () -> {
            if (leases.take(READ, (UUID) inbox[0], lease)) {
              poll((String) inbox[1], (UUID) inbox[0]);
            }
          });
    }
    readers.shutdown();
    try {
      readers.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Across organizations: this is the service's own housekeeping. */
  @SuppressWarnings("unchecked")
  private List<Object[]> connectedInboxes() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select id, org_id from inbox where status = 'CONNECTED'"
                            + " order by last_polled_at nulls first")
                    .getResultList());
  }

  private record Position(
      MailAccount account, long uidValidity, long lastUid, Instant connectedAt) {}

  private void poll(String orgId, UUID inboxId) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      tenant.actFor(orgId);
      Position position =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Inbox inbox = Inbox.findById(inboxId);
                    return new Position(
                        accounts.of(inbox),
                        inbox.imapUidValidity,
                        inbox.imapLastUid,
                        inbox.connectedAt);
                  });
      Fetched fetched;
      reads.increment();
      try {
        fetched =
            servers.fetch(
                position.account(), position.uidValidity(), position.lastUid(), config.batch());
      } catch (MailFailure failure) {
        QuarkusTransaction.requiringNew()
            .run(() -> unreadable(inboxId, position.connectedAt(), failure));
        return;
      }
      QuarkusTransaction.requiringNew().run(() -> take(inboxId, fetched));
      warmup.receive(inboxId, position.account());
      handSent.watch(inboxId, position.account());
    } catch (RuntimeException e) {
      LOG.warnf("reading inbox %s failed, read again next time: %s", inboxId, e.toString());
    } finally {
      requestContext.terminate();
    }
  }

  private void unreadable(UUID inboxId, Instant polledConnection, MailFailure failure) {
    Inbox inbox = Inbox.findById(inboxId, LockModeType.PESSIMISTIC_WRITE); // latest state
    LOG.warnf("inbox %s cannot be read: %s", inboxId, failure.getMessage());
    if (!Objects.equals(polledConnection, inbox.connectedAt)) {
      return; // connected again while it was read: the refused credentials are gone
    }
    if (failure.kind() == MailFailure.Kind.AUTHENTICATION_REFUSED
        && inbox.loginRefused(sending.authFailuresBeforePause())) {
      inboxEvents.changed(inbox);
    }
  }

  /** Takes in what was read, and remembers where reading stopped. */
  private void take(UUID inboxId, Fetched fetched) {
    Inbox inbox = Inbox.findById(inboxId, LockModeType.PESSIMISTIC_WRITE); // latest state
    for (ReceivedMessage message : fetched.messages()) {
      if (message.report() != null) {
        if (message.report().failed()) {
          List<String> ids =
              message.report().originalMessageId() != null
                  ? List.of(message.report().originalMessageId())
                  : message.threadIds();
          sent(inbox, ids)
              .ifPresentOrElse(
                  send -> bounces.reported(send, "reported: " + message.report().diagnostic()),
                  () -> warmup.reported(inbox.id, ids, message.report().diagnostic()));
        }
      } else {
        sent(inbox, message.threadIds()).ifPresent(send -> replied(inbox, send));
      }
      inbox.imapLastUid = message.uid();
    }
    if (fetched.uidValidity() != inbox.imapUidValidity && fetched.messages().isEmpty()) {
      inbox.imapLastUid = 0;
    }
    inbox.imapUidValidity = fetched.uidValidity();
    inbox.authFailures = 0;
    inbox.lastPolledAt = clock.instant();
  }

  /** The email this inbox sent that a message answers: the most specific of its thread ids. */
  private static Optional<Send> sent(Inbox inbox, List<String> threadIds) {
    for (String id : threadIds) {
      Optional<Send> send =
          Send.<Send>find(
                  "identityId = ?1 and messageId = ?2 and status in ?3",
                  inbox.identityId,
                  id,
                  List.of(SendStatus.SENT, SendStatus.BOUNCED))
              .firstResultOptional();
      if (send.isPresent()) {
        return send;
      }
    }
    return Optional.empty();
  }

  private void replied(Inbox inbox, Send send) {
    int recorded =
        entityManager
            .createNativeQuery(
                "insert into email_reply (id, org_id, identity_id, lead_id, campaign_id,"
                    + " sequence_step, send_id, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    + " on conflict do nothing")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, tenant.orgId())
            .setParameter(3, send.identityId)
            .setParameter(4, send.leadId)
            .setParameter(5, send.campaignId)
            .setParameter(6, send.sequenceStep)
            .setParameter(7, send.id)
            .setParameter(8, clock.instant())
            .executeUpdate();
    if (recorded == 1) {
      outbox.publishEvent(
          EventTypes.EMAIL_REPLIED,
          tenant.orgId(),
          send.id,
          new EmailReplied(
              send.identityId, inbox.id, send.leadId, send.campaignId, send.sequenceStep));
    }
  }
}
