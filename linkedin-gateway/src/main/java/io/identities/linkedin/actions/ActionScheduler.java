package io.identities.linkedin.actions;

import io.identities.backbone.schedule.WorkingHours.Window;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.ActionRunner.Job;
import io.identities.linkedin.actions.Slots.Held;
import io.identities.linkedin.actions.Slots.Later;
import io.identities.linkedin.actions.Slots.Now;
import io.identities.linkedin.actions.Slots.Slot;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.OutboundProxies;
import io.identities.linkedin.invitations.Invitation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Decides the due actions of one account at a time, in order, and runs the first whose slot has
 * come: those before it wait for the slot {@link Slots} gives them, or for the account (held);
 * those after it are left for after the pacing gap before the account's next action (an account is
 * not looked at again before the gap ends). One action per account at a time.
 *
 * <p>Safe with any number of workers and instances: a worker decides for an identity only while it
 * holds the lock on the identity's row ({@code FOR NO KEY UPDATE SKIP LOCKED}: others move on), and
 * not while one of its actions runs; the slot is taken (the action {@code RUNNING}, its reservation
 * counted) in that transaction, so no limit is overrun and no action is run twice. Draws on an
 * organization's scraping pool are serialized by an advisory lock on the organization. LinkedIn is
 * asked outside any transaction.
 */
@ApplicationScoped
public class ActionScheduler {

  /** Identities looked at per round. */
  private static final int BATCH = 200;

  /**
   * An account's due actions decided at once: the first that may run starts and the others wait, so
   * only those before it (held back by a limit) need deciding; the next round takes more.
   */
  private static final int DUE_PER_DECISION = 20;

  private final EntityManager entityManager;
  private final Clock clock;
  private final TenantContext tenant;
  private final ActionsConfig config;
  private final ConnectionService connections;
  private final OutboundProxies proxies;
  private final ActionRunner runner;
  private final ActionOutcomes outcomes;
  private final Usages usages;
  private final Slots slots;
  private final Pacing pacing;

  ActionScheduler(
      EntityManager entityManager,
      Clock clock,
      TenantContext tenant,
      ActionsConfig config,
      ConnectionService connections,
      OutboundProxies proxies,
      ActionRunner runner,
      ActionOutcomes outcomes,
      Usages usages,
      Slots slots) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.tenant = tenant;
    this.config = config;
    this.connections = connections;
    this.proxies = proxies;
    this.runner = runner;
    this.outcomes = outcomes;
    this.usages = usages;
    this.slots = slots;
    this.pacing = new Pacing(config.minimumGap(), config.maximumGap(), ThreadLocalRandom.current());
  }

  /**
   * Decides for the identities with due actions that this worker can claim, and runs the action of
   * each whose slot has come. Needs an active request context (the tenant). Returns how many
   * identities it decided for.
   */
  public int runDue() {
    int decided = 0;
    for (Object[] due : identitiesWithDueActions()) {
      tenant.actFor((String) due[1]);
      Decision decision = decide((UUID) due[0]);
      if (!decision.decided()) {
        continue; // another worker is deciding for it, or one of its actions runs
      }
      decided++;
      if (decision.started() != null) {
        Job job = decision.started();
        ActionRunner.Ran ran = runner.run(job);
        inTransaction(
            () -> {
              outcomes.record(job.actionId(), ran);
              return null;
            });
      }
    }
    return decided;
  }

  /**
   * Decides the identity's due actions, in a transaction of its own, without running the one that
   * starts (the benchmark's decisions alone).
   */
  Decision decide(UUID identityId) {
    return inTransaction(() -> decideFor(identityId));
  }

  /** Whether the identity could be decided for, and the job of the action that started, if any. */
  record Decision(boolean decided, Job started) {
    static final Decision NOT_NOW = new Decision(false, null);
  }

  /** Across organizations: the queue is the service's own. */
  @SuppressWarnings("unchecked")
  private List<Object[]> identitiesWithDueActions() {
    return inTransaction(
        () ->
            entityManager
                .createNativeQuery(
                    "select a.identity_id, a.org_id from linkedin_action a"
                        + " join linkedin_identity i on i.identity_id = a.identity_id"
                        + " where a.status = 'QUEUED' and a.not_before <= ?1"
                        + " and (i.next_action_at is null or i.next_action_at <= ?1)"
                        + " group by a.identity_id, a.org_id order by min(a.not_before) limit "
                        + BATCH)
                .setParameter(1, clock.instant())
                .getResultList());
  }

  /** Decides the identity's due actions under its lock, unless another worker has it. */
  private Decision decideFor(UUID identityId) {
    if (entityManager
            .createNativeQuery(
                // NO KEY UPDATE: a mutex that rows referencing the identity (their key-share
                // locks, taken while actions are inserted) never make it skip
                "select 1 from linkedin_identity where identity_id = ?1"
                    + " for no key update skip locked")
            .setParameter(1, identityId)
            .getResultList()
            .isEmpty()
        || Action.count("identityId = ?1 and status = ?2", identityId, ActionStatus.RUNNING) > 0) {
      return Decision.NOT_NOW;
    }
    Instant now = clock.instant();
    LinkedInIdentity identity = LinkedInIdentity.findById(identityId);
    List<Action> due =
        Action.<Action>find(
                "identityId = ?1 and status = ?2 and notBefore <= ?3"
                    + " order by notBefore, queuePosition",
                identityId,
                ActionStatus.QUEUED,
                now)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .page(0, DUE_PER_DECISION)
            .list();
    Optional<Window> window = identity.workingHours().windowAt(now);
    Map<ActionKind, Long> queuedToday = // before any of them is decided
        window.filter(Window::active).isPresent()
            ? queuedBefore(identityId, window.get().closesAt())
            : new EnumMap<>(ActionKind.class);
    Usage usage =
        usages.of(
            identity,
            now,
            identity.salesNavigator
                && due.stream().anyMatch(action -> action.kind == ActionKind.PROFILE_VISIT));
    Job job = null;
    for (Action action : due) { // in order, until one starts: the rest wait for the pacing gap
      Slot slot = slots.next(action.kind, identity, usage, now);
      if (slot instanceof Now start) {
        action.start(now, start.fromPool());
        usage.took(action.kind, start.fromPool());
        queuedToday.merge(action.kind, -1L, Long::sum);
        identity.nextActionAt =
            now.plus(
                pacing.gapAfter(
                    Duration.between(now, window.get().closesAt()),
                    actionsLeft(identity, usage, queuedToday)));
        job = job(action, identity);
        break;
      }
      if (slot instanceof Later later) {
        action.requeue(later.at(), later.reason());
      } else if (slot instanceof Held held) {
        action.hold(held.hold(), held.reason());
      }
    }
    return new Decision(true, job);
  }

  /** The identity's queued actions by kind whose slot comes before {@code until}. */
  private Map<ActionKind, Long> queuedBefore(UUID identityId, Instant until) {
    Map<ActionKind, Long> counts = new EnumMap<>(ActionKind.class);
    entityManager
        .createQuery(
            "select a.kind, count(a) from Action a where a.identityId = ?1 and a.status = ?2"
                + " and a.notBefore < ?3 group by a.kind",
            Object[].class)
        .setParameter(1, identityId)
        .setParameter(2, ActionStatus.QUEUED)
        .setParameter(3, until)
        .getResultList()
        .forEach(row -> counts.put((ActionKind) row[0], (Long) row[1]));
    return counts;
  }

  /** What the account may still do today: its queued actions, as far as the limits allow. */
  private int actionsLeft(LinkedInIdentity identity, Usage usage, Map<ActionKind, Long> queued) {
    int left = 0;
    for (Map.Entry<ActionKind, Long> kind : queued.entrySet()) {
      int room =
          slots.dailyLimit(kind.getKey(), identity, usage.today())
              - usage.on(kind.getKey(), usage.today());
      left += (int) Math.max(0, Math.min(kind.getValue(), room));
    }
    return left;
  }

  private Job job(Action action, LinkedInIdentity identity) {
    return new Job(
        action.id,
        action.kind,
        action.person,
        action.note,
        action.allowWithoutNote,
        action.text,
        action.attempts > 0,
        proxies.linkedInFor(identity),
        connections.session(identity),
        identity.salesNavigator,
        identity.memberId,
        identity.noteQuotaUntil != null && identity.noteQuotaUntil.isAfter(clock.instant()),
        action.invitationId == null ? null : withdrawn(action.invitationId));
  }

  private static ActionRunner.Withdrawn withdrawn(UUID invitationId) {
    Invitation invitation = Invitation.findById(invitationId);
    return new ActionRunner.Withdrawn(invitation.linkedInId, invitation.sharedSecret);
  }

  /**
   * Actions that started long ago and never finished (their instance stopped mid-run) are run
   * again; a cut-off invitation that LinkedIn did take is then recognized as done.
   */
  public int retryStuckActions() {
    Instant now = clock.instant();
    return inTransaction(
        () ->
            entityManager
                .createNativeQuery(
                    "update linkedin_action set status = 'QUEUED', reserved_at = null,"
                        + " from_pool = false, not_before = ?1, attempts = attempts + 1,"
                        + " status_reason = 'tried again: its run was interrupted'"
                        + " where status = 'RUNNING' and started_at < ?2")
                .setParameter(1, now)
                .setParameter(2, now.minus(config.stuckAfter()))
                .executeUpdate());
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
