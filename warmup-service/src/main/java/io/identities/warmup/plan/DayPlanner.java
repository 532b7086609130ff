package io.identities.warmup.plan;

import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.schedule.WorkingHours.Window;
import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.domain.OrderState;
import io.identities.warmup.domain.Ramp;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.domain.WarmupCourse;
import io.identities.warmup.domain.WarmupIdentity;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.placement.Safeguard;
import io.identities.warmup.plan.Pairing.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Plans each warming inbox's day once, on the identity's calendar, up to the warm-up's end: how
 * many warm-up emails (the {@link Ramp}'s target, cut by the inbox's {@link Safeguard} when too
 * much of its mail lands in spam; one at the safeguard's pause pauses the warm-up, with the reason,
 * and plans nothing), when ({@link DayPlan}, inside its working hours) and to whom ({@link
 * Pairing}). Safe with any number of replicas: the day's row is inserted once, and only the planner
 * that inserted it writes the day's emails.
 */
@ApplicationScoped
public class DayPlanner {

  private static final Duration WEEK = Duration.ofDays(7);

  private final EntityManager entityManager;
  private final TenantContext tenant;
  private final Pool pool;
  private final WarmupCourse course;
  private final WarmupConfig config;
  private final Clock clock;

  DayPlanner(
      EntityManager entityManager,
      TenantContext tenant,
      Pool pool,
      WarmupCourse course,
      WarmupConfig config,
      Clock clock) {
    this.entityManager = entityManager;
    this.tenant = tenant;
    this.pool = pool;
    this.course = course;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${warmup.plan.interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    planDays();
  }

  /** Plans today for every warming inbox that has no plan for it yet; answers how many. */
  public int planDays() {
    Instant now = clock.instant();
    List<Object[]> unplanned = inTransaction(() -> unplanned(now));
    if (unplanned.isEmpty()) {
      return 0;
    }
    Pairing pairing =
        inTransaction(
            () ->
                new Pairing(
                    pool.members(),
                    pool.inboundBetween(
                        now.minus(Duration.ofHours(14)), now.plus(Duration.ofDays(1))),
                    config.minPartners()));
    int planned = 0;
    for (Object[] row : unplanned) {
      tenant.actFor((String) row[1]);
      if (inTransaction(() -> planDay((UUID) row[0], (UUID) row[2], now, pairing))) {
        planned++;
      }
    }
    return planned;
  }

  /**
   * Order, organization and inbox of each connected inbox of a running warm-up, unplanned today.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> unplanned(Instant now) {
    return entityManager
        .createNativeQuery(
            "select o.id, o.org_id, i.inbox_id from warmup_order o"
                + " join warmup_identity w on w.identity_id = o.identity_id"
                + " join warmup_inbox i on i.identity_id = o.identity_id and i.status = 'CONNECTED'"
                + " where o.state = 'WARMING' and o.ends_at > ?1 and not exists (select 1 from"
                + " warmup_day d where d.inbox_id = i.inbox_id"
                + " and d.day = cast((cast(?1 as timestamptz) at time zone w.time_zone) as date))")
        .setParameter(1, now)
        .getResultList();
  }

  private boolean planDay(UUID orderId, UUID inboxId, Instant now, Pairing pairing) {
    // locked: its safeguard may pause it
    WarmupOrder order = WarmupOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    WarmupInbox inbox = WarmupInbox.findById(inboxId);
    if (order == null
        || order.state != OrderState.WARMING
        || inbox == null
        || !WarmupInbox.CONNECTED.equals(inbox.status)) {
      return false;
    }
    WorkingHours hours = WarmupIdentity.<WarmupIdentity>findById(order.identityId).workingHours();
    ZoneId zone = ZoneId.of(hours.timeZone());
    LocalDate today = now.atZone(zone).toLocalDate();
    int dayNumber = Ramp.dayOf(order.rampStart(), now, zone);
    Safeguard safeguard = course.safeguard(order, inboxId, today);
    if (safeguard == Safeguard.PAUSE) { // spam counted while it could not pause (it was paused)
      course.pauseForSpam(order, inboxId, today);
      return false;
    }
    SplittableRandom random = new SplittableRandom(Objects.hash(inboxId, today));
    List<Instant> times =
        DayPlan.times(
            hours.windowsOn(today).stream()
                .filter(window -> window.opensAt().isBefore(order.endsAt))
                .map(
                    window ->
                        new Window(false, window.opensAt(), min(window.closesAt(), order.endsAt)))
                .toList(),
            now,
            target(config, inboxId, today, dayNumber, safeguard),
            config.minGap(),
            random);
    List<Member> partners =
        pairing.partnersOf(
            new Member(inboxId, order.orgId, inbox.address, false),
            times.size(),
            pool.pairedSince(inboxId, now.minus(WEEK)),
            random);
    int first =
        entityManager
            .createNativeQuery(
                "insert into warmup_day (inbox_id, day, org_id, order_id, day_number, target,"
                    + " planned_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
            .setParameter(1, inboxId)
            .setParameter(2, today)
            .setParameter(3, order.orgId)
            .setParameter(4, orderId)
            .setParameter(5, dayNumber)
            .setParameter(6, partners.size())
            .setParameter(7, now)
            .executeUpdate();
    if (first == 0) {
      return false; // another planner planned it
    }
    for (int i = 0; i < partners.size(); i++) {
      WarmupEmail email = new WarmupEmail();
      email.id = UUID.randomUUID();
      email.orgId = order.orgId;
      email.orderId = orderId;
      email.senderInboxId = inboxId;
      email.day = today;
      email.dueAt = times.get(i);
      email.status = WarmupEmail.Status.PLANNED;
      email.recipientInboxId = partners.get(i).inboxId();
      email.recipientOrgId = partners.get(i).orgId();
      email.persist();
    }
    return true;
  }

  /** The inbox's target of the day: the ramp's, cut by its safeguard. */
  static int target(
      WarmupConfig config, UUID inboxId, LocalDate day, int dayNumber, Safeguard safeguard) {
    return (int) Math.round(config.ramp().target(inboxId, day, dayNumber) * safeguard.volume());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static <T> T inTransaction(java.util.function.Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
