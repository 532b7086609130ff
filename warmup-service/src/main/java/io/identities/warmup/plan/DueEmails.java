package io.identities.warmup.plan;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.domain.OrderState;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.plan.Pairing.Member;
import io.identities.warmup.plan.WarmupWriting.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Asks email-gateway for each planned warm-up email when it is due (warmup.email.send): a reply the
 * inbox owes comes first (the oldest email it received that wants an answer, landed at least {@code
 * reply-after} ago: answered in its thread), else a new thread to the slot's partner. A slot whose
 * warm-up stopped, or whose inbox or partner left, is skipped. Safe with any number of replicas: a
 * slot and an owed reply are each taken under {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class DueEmails {

  private static final int BATCH = 100;
  private static final Duration ANSWER_WITHIN = Duration.ofDays(7);

  private final EntityManager entityManager;
  private final TenantContext tenant;
  private final Pool pool;
  private final Outbox outbox;
  private final WarmupConfig config;
  private final Clock clock;
  private final RandomGenerator random = RandomGenerator.getDefault();

  DueEmails(
      EntityManager entityManager,
      TenantContext tenant,
      Pool pool,
      Outbox outbox,
      WarmupConfig config,
      Clock clock) {
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.pool = pool;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${warmup.plan.interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    while (sendDue() == BATCH) {
      // a backlog (after a stop): take it batch by batch
    }
  }

  /** Asks for a batch of due warm-up emails; answers how many were due. */
  public int sendDue() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select id, org_id from warmup_email where status = 'PLANNED'"
                                + " and due_at <= ?1 order by due_at limit "
                                + BATCH)
                        .setParameter(1, now)
                        .getResultList());
    for (Object[] row : due) {
      tenant.actFor((String) row[1]);
      QuarkusTransaction.requiringNew().run(() -> fill((UUID) row[0], now));
    }
    return due.size();
  }

  private void fill(UUID id, Instant now) {
    if (locked("select id from warmup_email where id = ?1 and status = 'PLANNED'", id).isEmpty()) {
      return; // another replica has it
    }
    WarmupEmail email = WarmupEmail.findById(id);
    WarmupOrder order = WarmupOrder.findById(email.orderId);
    WarmupInbox sender = WarmupInbox.findById(email.senderInboxId);
    if (order == null || order.state != OrderState.WARMING) {
      skip(email, "the warm-up is not running");
      return;
    }
    if (sender == null || !WarmupInbox.CONNECTED.equals(sender.status)) {
      skip(email, "the inbox is not connected");
      return;
    }
    Optional<WarmupEmail> owed = owedReply(email.senderInboxId, now);
    Optional<Member> recipient = owed.flatMap(answered -> pool.member(answered.senderInboxId));
    if (owed.isPresent() && recipient.isEmpty()) {
      owed.get().replyWanted = false; // its sender left the pool: nobody to answer
      owed = Optional.empty();
    }
    if (owed.isEmpty()) {
      recipient = pool.member(email.recipientInboxId);
    }
    if (recipient.isEmpty()) {
      skip(email, "its partner left the pool");
      return;
    }
    Text text;
    String inReplyTo = null;
    if (owed.isPresent()) {
      WarmupEmail answered = owed.get();
      answered.repliedBy = email.id;
      email.recipientInboxId = answered.senderInboxId;
      email.recipientOrgId = answered.orgId;
      email.answersId = answered.id;
      email.threadDepth = answered.threadDepth + 1;
      inReplyTo = answered.messageId;
      email.references =
          answered.references == null
              ? answered.messageId
              : answered.references + " " + answered.messageId;
      text = WarmupWriting.reply(answered.subject, random);
    } else {
      text = WarmupWriting.first(random);
    }
    email.subject = text.subject();
    email.important = random.nextDouble() < config.importantRate();
    email.replyWanted =
        email.threadDepth < config.threadLength() && random.nextDouble() < config.replyRate();
    email.status = WarmupEmail.Status.REQUESTED;
    email.requestedAt = now;
    outbox.sendCommand(
        EventTypes.WARMUP_EMAIL_SEND,
        email.orgId,
        email.id,
        new WarmupEmails.Send(
            email.id,
            email.senderInboxId,
            recipient.get().address(),
            text.subject(),
            text.body(),
            inReplyTo,
            email.references,
            email.important));
  }

  /** The oldest email the inbox received that wants an answer now, taken for this slot. */
  private Optional<WarmupEmail> owedReply(UUID inboxId, Instant now) {
    return locked(
            "select id from warmup_email where recipient_inbox_id = ?1 and reply_wanted"
                + " and replied_by is null and landed_at <= ?2 and landed_at > ?3"
                + " order by landed_at limit 1",
            inboxId,
            now.minus(config.replyAfter()),
            now.minus(ANSWER_WITHIN))
        .map(owedId -> WarmupEmail.<WarmupEmail>findById(owedId));
  }

  /** The first row the query finds that no other transaction holds, locked for this one. */
  private Optional<UUID> locked(String query, Object... parameters) {
    jakarta.persistence.Query select =
        entityManager.createNativeQuery(query + " for update skip locked", UUID.class);
    for (int i = 0; i < parameters.length; i++) {
      select.setParameter(i + 1, parameters[i]);
    }
    return select.getResultList().stream().findFirst().map(UUID.class::cast);
  }

  private static void skip(WarmupEmail email, String reason) {
    email.status = WarmupEmail.Status.SKIPPED;
    email.statusReason = reason;
  }
}
