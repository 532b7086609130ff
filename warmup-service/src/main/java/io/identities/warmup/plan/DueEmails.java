package io.identities.warmup.plan;

import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.domain.OrderState;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.plan.Pairing.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks email-gateway for each planned warm-up email when it is due (warmup.email.send): a reply the
 * inbox owes comes first ({@link EmailRequests}: answered in its thread), else a new thread to the
 * slot's partner; the first one asked for ends the right to a refund. A slot whose warm-up stopped,
 * or whose inbox or partner left, is skipped. Safe with any number of replicas: a slot and an owed
 * reply are each taken under {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class DueEmails {

  private static final int BATCH = 100;

  private final EntityManager entityManager;
  private final TenantContext tenant;
  private final Pool pool;
  private final EmailRequests requests;
  private final Clock clock;

  DueEmails(
      EntityManager entityManager,
      TenantContext tenant,
      Pool pool,
      EmailRequests requests,
      Clock clock) {
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.pool = pool;
    this.requests = requests;
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
    if (requests
        .locked("select id from warmup_email where id = ?1 and status = 'PLANNED'", id)
        .isEmpty()) {
      return; // another replica has it
    }
    WarmupEmail email = WarmupEmail.findById(id);
    // locked: a cancellation deciding its refund reads the order as this leaves it
    WarmupOrder order = WarmupOrder.findById(email.orderId, LockModeType.PESSIMISTIC_WRITE);
    WarmupInbox sender = WarmupInbox.findById(email.senderInboxId);
    if (order == null || order.state != OrderState.WARMING) {
      skip(email, "the warm-up is not running");
      return;
    }
    if (sender == null || !WarmupInbox.CONNECTED.equals(sender.status)) {
      skip(email, "the inbox is not connected");
      return;
    }
    Optional<WarmupEmail> owed = requests.owedBy(email.senderInboxId, now);
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
    requests.ask(email, recipient.get().address(), owed.orElse(null), now);
    if (order.firstEmailAt == null) { // on its way from now: a cancellation is not refunded
      order.firstEmailAt = now;
    }
  }

  private static void skip(WarmupEmail email, String reason) {
    email.status = WarmupEmail.Status.SKIPPED;
    email.statusReason = reason;
  }
}
