package io.identities.email.sending;

import io.identities.backbone.events.ActivityEvents.EmailSent;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.schedule.WorkingHours.Window;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.Capacity;
import io.identities.email.domain.EmailIdentity;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxAccounts;
import io.identities.email.domain.InboxEvents;
import io.identities.email.domain.InboxStatus;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides the due sends, an identity's batch at a time, follow-ups first (spec "Load Balancing" and
 * "Email Rate"): outside working hours, or with every inbox it may use at a limit, a send is
 * deferred to its next slot; a lead whose inbox cannot send is held, as is every send while the
 * identity's inboxes warm up ({@link WarmupHandler}); otherwise an inbox is chosen and its capacity
 * reserved, and the batch's messages go to their inboxes' SMTP servers.
 *
 * <p>Safe with any number of workers and instances: a worker decides for an identity only while it
 * holds the lock on the identity's row ({@code FOR NO KEY UPDATE SKIP LOCKED}: others move on to
 * other identities), so two workers never both take an inbox's last slot. The SMTP conversations
 * happen outside any transaction.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final int BATCH = 200;
  static final String WARMING_UP =
      "the identity's inboxes are warming up: its campaigns send again when the warm-up ends";
  private static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

  private final EntityManager entityManager;
  private final Clock clock;
  private final TenantContext tenant;
  private final MailServers servers;
  private final InboxAccounts accounts;
  private final Outbox outbox;
  private final InboxEvents inboxEvents;
  private final Leads leads;
  private final Bounces bounces;
  private final SendingConfig config;

  Dispatcher(
      EntityManager entityManager,
      Clock clock,
      TenantContext tenant,
      MailServers servers,
      InboxAccounts accounts,
      Outbox outbox,
      InboxEvents inboxEvents,
      Leads leads,
      Bounces bounces,
      SendingConfig config) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.tenant = tenant;
    this.servers = servers;
    this.accounts = accounts;
    this.outbox = outbox;
    this.inboxEvents = inboxEvents;
    this.leads = leads;
    this.bounces = bounces;
    this.config = config;
  }

  /**
   * Decides the due sends of the identities this worker can claim, and sends those that got an
   * inbox. Needs an active request context (the tenant). Returns how many sends it decided.
   */
  public int dispatchDue() {
    int decided = 0;
    for (Object[] due : identitiesWithDueSends()) {
      tenant.actFor((String) due[1]);
      Decisions decisions = decideDueSendsOf((UUID) due[0]);
      decided += decisions.decided();
      deliver(decisions.reserved());
    }
    return decided;
  }

  /** Across organizations: the queue is the service's own. */
  @SuppressWarnings("unchecked")
  private List<Object[]> identitiesWithDueSends() {
    return inTransaction(
        () ->
            entityManager
                .createNativeQuery(
                    "select identity_id, org_id from email_send where status = 'QUEUED'"
                        + " and not_before <= ?1 group by identity_id, org_id"
                        + " order by min(not_before) limit "
                        + BATCH)
                .setParameter(1, clock.instant())
                .getResultList());
  }

  /** How many sends a batch decided, and those of them that got an inbox. */
  record Decisions(int decided, List<UUID> reserved) {}

  /** Decides a batch of the identity's due sends, in a transaction of its own; sends nothing. */
  Decisions decideDueSendsOf(UUID identityId) {
    return inTransaction(() -> decideFor(identityId));
  }

  /**
   * Decides a batch of the identity's due sends in priority order (follow-ups first), unless
   * another worker is deciding for the identity: its inboxes' capacity is shared state, so one
   * worker at a time decides for it, under a lock on its row.
   */
  private Decisions decideFor(UUID identityId) {
    Instant now = clock.instant();
    if (entityManager
        .createNativeQuery(
            // NO KEY UPDATE: a mutex that rows referencing the identity (their key-share locks,
            // taken while sends are inserted) never make it skip
            "select 1 from email_identity where identity_id = ?1 for no key update skip locked")
        .setParameter(1, identityId)
        .getResultList()
        .isEmpty()) {
      return new Decisions(0, List.of());
    }
    EmailIdentity identity = EmailIdentity.findById(identityId);
    List<Send> due =
        Send.<Send>find(
                "identityId = ?1 and status = ?2 and notBefore <= ?3"
                    + " order by followUp desc, notBefore, queuePosition",
                identityId,
                SendStatus.QUEUED,
                now)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .page(0, BATCH)
            .list();
    List<Inbox> connected =
        Inbox.list("identityId = ?1 and status = ?2", identityId, InboxStatus.CONNECTED);
    Capacity capacity =
        new Capacity(
            entityManager, identity, connected.stream().map(inbox -> inbox.id).toList(), now);
    Optional<Window> window = identity.workingHours().windowAt(now); // the same for the batch
    List<UUID> reserved = new ArrayList<>();
    for (Send send : due) {
      if (decide(send, identity, window, connected, capacity, now)) {
        reserved.add(send.id);
      }
    }
    return new Decisions(due.size(), reserved);
  }

  /** Decides one send: true when it got an inbox and should be sent now. */
  private boolean decide(
      Send send,
      EmailIdentity identity,
      Optional<Window> window,
      List<Inbox> connected,
      Capacity capacity,
      Instant now) {
    if (identity.warmingUp) {
      send.hold(WARMING_UP);
      return false;
    }
    if (window.isEmpty()) {
      send.requeue(now.plus(Duration.ofDays(1)), "the identity has no working hours");
      return false;
    }
    if (!window.get().active()) {
      send.requeue(window.get().opensAt(), "outside the identity's working hours");
      return false;
    }
    Optional<Send> earlierStep =
        send.sequenceStep > 1 ? earlierStepPending(send) : Optional.empty();
    if (earlierStep.isPresent()) {
      send.requeue(
          later(earlierStep.get().notBefore, now.plusSeconds(1)),
          "waits for step " + earlierStep.get().sequenceStep + " to the lead");
      return false;
    }

    Optional<LeadAssignment> assignment = LeadAssignment.of(send.identityId, send.leadId);
    List<Inbox> candidates;
    if (assignment.isPresent()) {
      Inbox inbox = Inbox.findById(assignment.get().inboxId);
      if (inbox.status != InboxStatus.CONNECTED) {
        leads.hold(send, assignment.get(), inbox);
        return false;
      }
      candidates = List.of(inbox);
    } else if (connected.isEmpty()) {
      send.hold("the identity has no connected inbox");
      return false;
    } else {
      candidates = connected;
    }

    Optional<Inbox> chosen =
        candidates.stream()
            .filter(inbox -> capacity.canSend(inbox.id))
            .max(
                Comparator.comparingDouble((Inbox inbox) -> capacity.remainingToday(inbox.id))
                    .thenComparing(
                        inbox -> inbox.lastUsedAt,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed()));
    if (chosen.isEmpty()) {
      Instant slot =
          candidates.stream()
              .map(inbox -> capacity.nextSlot(inbox.id))
              .min(Instant::compareTo)
              .get();
      Window opening = identity.workingHours().windowAt(slot).orElse(window.get());
      send.requeue(
          later(slot, opening.opensAt()),
          assignment.isPresent()
              ? "its inbox has reached its limits"
              : "every inbox of the identity has reached its limits");
      return false;
    }

    Inbox inbox = chosen.get();
    if (assignment.isEmpty()) {
      LeadAssignment.assign(send.identityId, send.leadId, inbox.id, now);
    }
    reserve(send, inbox, now);
    capacity.reserved(inbox.id);
    return true;
  }

  private void reserve(Send send, Inbox inbox, Instant now) {
    send.status = SendStatus.SENDING;
    send.statusReason = null;
    send.inboxId = inbox.id;
    send.reservedAt = now;
    if (send.messageId == null) {
      send.messageId =
          "<" + send.id + "@" + inbox.address.substring(inbox.address.indexOf('@') + 1) + ">";
    }
    if (send.replyToThread) {
      previousInThread(send)
          .ifPresent(
              previous -> {
                send.inReplyTo = previous.messageId;
                send.references =
                    previous.references == null
                        ? previous.messageId
                        : previous.references + " " + previous.messageId;
              });
    }
    inbox.lastUsedAt = now;
  }

  /** A lead's emails go out in step order (a send without a campaign is in the lead's own). */
  private static Optional<Send> earlierStepPending(Send send) {
    return Send.<Send>find(
            "identityId = ?1 and leadId = ?2 and campaignId is not distinct from ?3"
                + " and sequenceStep < ?4"
                + " and status in ?5 order by sequenceStep",
            send.identityId,
            send.leadId,
            send.campaignId,
            send.sequenceStep,
            List.of(SendStatus.QUEUED, SendStatus.HELD, SendStatus.SENDING))
        .firstResultOptional();
  }

  private static Optional<Send> previousInThread(Send send) {
    return Send.<Send>find(
            "identityId = ?1 and leadId = ?2 and campaignId is not distinct from ?3"
                + " and status = ?4"
                + " and id <> ?5 order by sentAt desc",
            send.identityId,
            send.leadId,
            send.campaignId,
            SendStatus.SENT,
            send.id)
        .firstResultOptional();
  }

  /** An inbox's reserved sends as written now, and how to reach its SMTP server. */
  private record Outgoing(MailAccount account, List<UUID> sends, List<MimeMessage> messages) {}

  /** Sends the reserved sends, one SMTP connection per inbox, and records how each went. */
  private void deliver(List<UUID> reserved) {
    Map<UUID, List<UUID>> byInbox =
        inTransaction(
            () ->
                reserved.stream()
                    .collect(
                        Collectors.groupingBy(
                            id -> Send.<Send>findById(id).inboxId,
                            LinkedHashMap::new,
                            Collectors.toList())));
    byInbox.forEach(
        (inboxId, sends) -> {
          List<MailFailure> failures;
          try {
            Outgoing outgoing = inTransaction(() -> outgoing(inboxId, sends));
            failures = servers.sendAll(outgoing.account(), outgoing.messages());
          } catch (MailFailure unreachable) { // its OAuth authorization was refused
            failures = Collections.nCopies(sends.size(), unreachable);
          }
          List<MailFailure> outcome = failures;
          inTransaction(
              () -> {
                for (int i = 0; i < sends.size(); i++) {
                  if (outcome.get(i) == null) {
                    sent(sends.get(i));
                  } else {
                    failed(sends.get(i), outcome.get(i));
                  }
                }
                return null;
              });
        });
  }

  private Outgoing outgoing(UUID inboxId, List<UUID> sends) {
    Inbox inbox = Inbox.findById(inboxId);
    List<MimeMessage> messages = new ArrayList<>();
    for (UUID id : sends) {
      Send send = Send.findById(id);
      EmailIdentity identity = EmailIdentity.findById(send.identityId);
      messages.add(Composer.compose(send, inbox.address, identity, Attachment.of(id)));
    }
    return new Outgoing(accounts.of(inbox), sends, messages);
  }

  private Void sent(UUID sendId) {
    Send send = Send.findById(sendId);
    Inbox inbox = Inbox.findById(send.inboxId);
    send.status = SendStatus.SENT;
    send.sentAt = clock.instant();
    inbox.authFailures = 0;
    outbox.publishEvent(
        EventTypes.EMAIL_SENT,
        tenant.orgId(),
        send.id,
        new EmailSent(
            send.identityId,
            send.inboxId,
            send.leadId,
            send.campaignId,
            send.sequenceStep,
            send.messageId));
    return null;
  }

  private Void failed(UUID sendId, MailFailure failure) {
    Send send = Send.findById(sendId);
    Inbox inbox = Inbox.findById(send.inboxId);
    if (failure.kind() == MailFailure.Kind.REJECTED) {
      bounces.refused(send, failure.getMessage()); // the SMTP exchange happened: it keeps its slot
      return null;
    }
    send.attempts++;
    Duration backOff = Duration.ofMinutes(1L << Math.min(send.attempts - 1, 6));
    send.requeue(
        clock.instant().plus(backOff.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : backOff),
        failure.getMessage());
    LOG.warnf(
        "send %s from inbox %s failed, tried again later: %s",
        send.id, inbox.id, failure.getMessage());
    if (failure.kind() == MailFailure.Kind.AUTHENTICATION_REFUSED
        && inbox.loginRefused(config.authFailuresBeforePause())) {
      inboxEvents.changed(inbox);
    }
    if (inbox.status != InboxStatus.CONNECTED) { // paused meanwhile: its lead waits for it
      LeadAssignment.of(send.identityId, send.leadId)
          .ifPresent(assignment -> leads.hold(send, assignment, inbox));
    }
    return null;
  }

  /**
   * Sends reserved long ago and never finished (their instance stopped mid-send) are tried again:
   * at-least-once, with the same Message-ID.
   */
  public int retryStuckSends() {
    Instant now = clock.instant();
    return inTransaction(
        () ->
            entityManager
                .createNativeQuery(
                    "update email_send set status = 'QUEUED', reserved_at = null, not_before = ?1,"
                        + " status_reason = 'tried again: its sending was interrupted'"
                        + " where status = 'SENDING' and reserved_at < ?2")
                .setParameter(1, now)
                .setParameter(2, now.minus(config.stuckAfter()))
                .executeUpdate());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
