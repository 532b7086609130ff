package io.identities.warmup.plan;

import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.plan.Pairing.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The seed pool's side of the exchange: each seed inbox answers the warm-up emails it received by
 * the rules every answering inbox follows ({@link EmailRequests}: the oldest that wants an answer,
 * landed at least {@code reply-after} ago, in its thread), one at a time at least {@code min-gap}
 * apart. It never starts a thread: it has no warm-up of its own. Safe with any number of replicas:
 * a seed inbox is taken under {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class SeedAnswers {

  private final EntityManager entityManager;
  private final TenantContext tenant;
  private final Pool pool;
  private final EmailRequests requests;
  private final WarmupConfig config;
  private final Clock clock;

  SeedAnswers(
      EntityManager entityManager,
      TenantContext tenant,
      Pool pool,
      EmailRequests requests,
      WarmupConfig config,
      Clock clock) {
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.pool = pool;
    this.requests = requests;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${warmup.plan.interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    answer();
  }

  /** Asks for the answer each seed inbox owes now, if it owes one; answers how many. */
  public int answer() {
    Instant now = clock.instant();
    List<Member> seeds = QuarkusTransaction.requiringNew().call(pool::seeds);
    int answered = 0;
    for (Member seed : seeds) {
      tenant.actFor(seed.orgId());
      if (QuarkusTransaction.requiringNew().call(() -> answer(seed, now))) {
        answered++;
      }
    }
    return answered;
  }

  private boolean answer(Member seed, Instant now) {
    if (requests
            .locked("select inbox_id from warmup_inbox where inbox_id = ?1", seed.inboxId())
            .isEmpty()
        || wroteSince(seed.inboxId(), now.minus(config.minGap()))) {
      return false; // another replica has it, or it wrote a moment ago
    }
    Optional<WarmupEmail> owed = requests.owedBy(seed.inboxId(), now);
    if (owed.isEmpty()) {
      return false;
    }
    Optional<Member> recipient = pool.member(owed.get().senderInboxId);
    if (recipient.isEmpty()) {
      owed.get().replyWanted = false; // its sender left the pool: nobody to answer
      return false;
    }
    WarmupEmail answer = new WarmupEmail();
    answer.id = UUID.randomUUID();
    answer.orgId = seed.orgId();
    answer.senderInboxId = seed.inboxId();
    answer.day = LocalDate.ofInstant(now, ZoneOffset.UTC); // a seed has no plan, nor calendar
    answer.dueAt = now;
    requests.ask(answer, recipient.get().address(), owed.get(), now);
    answer.persist();
    return true;
  }

  private boolean wroteSince(UUID inboxId, Instant since) {
    return ((Number)
                entityManager
                    .createNativeQuery(
                        "select count(*) from warmup_email where sender_inbox_id = ?1"
                            + " and requested_at > ?2")
                    .setParameter(1, inboxId)
                    .setParameter(2, since)
                    .getSingleResult())
            .longValue()
        > 0;
  }
}
