package io.identities.warmup.domain;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.domain.WarmupOrder.PauseKind;
import io.identities.warmup.placement.DayPlacement;
import io.identities.warmup.placement.Placements;
import io.identities.warmup.placement.Reputation;
import io.identities.warmup.placement.Safeguard;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A paid warm-up's course, from payment to its end: it pauses when an inbox is paused (its login
 * refused, its bounces too many) or none is connected (until it is reconnected), or when too much
 * lands in spam ({@link Safeguard}: 3 days, after which only the spam of the days since counts);
 * the ramp and the end wait while it is paused. On its last day it completes if every inbox is
 * ready ({@link Reputation#ready}); one that is not gets one extension of 7 days, then completes,
 * ready or not. Every change is announced (warmup.*): campaigns stay held until it completes.
 */
@ApplicationScoped
public class WarmupCourse {

  static final Duration SPAM_PAUSE = Duration.ofDays(3);
  public static final Duration EXTENSION = Duration.ofDays(7);

  private final Announcements announcements;
  private final Placements placements;
  private final TenantContext tenant;
  private final EntityManager entityManager;
  private final WarmupConfig config;
  private final Clock clock;

  WarmupCourse(
      Announcements announcements,
      Placements placements,
      TenantContext tenant,
      EntityManager entityManager,
      WarmupConfig config,
      Clock clock) {
    this.announcements = announcements;
    this.placements = placements;
    this.tenant = tenant;
    this.entityManager = entityManager;
    this.config = config;
    this.clock = clock;
  }

  /** After a change of the identity's inboxes (in its transaction). */
  public void inboxesChanged(UUID identityId) {
    WarmupOrder order = WarmupOrder.activeOf(identityId).orElse(null);
    if (order == null || !order.state.holdsCampaigns()) {
      return;
    }
    List<WarmupInbox> inboxes = WarmupInbox.list("identityId", identityId);
    Optional<WarmupInbox> refused =
        inboxes.stream()
            .filter(inbox -> WarmupInbox.LOGIN_REFUSED.equals(inbox.status))
            .findFirst();
    boolean connected =
        inboxes.stream().anyMatch(inbox -> WarmupInbox.CONNECTED.equals(inbox.status));
    if (order.state == OrderState.WARMING && (refused.isPresent() || !connected)) {
      pause(
          order,
          PauseKind.INBOX,
          refused
              .map(
                  inbox ->
                      inbox.address
                          + " was paused by email-gateway (its login refused, or too many of its"
                          + " emails bounced): the warm-up waits until it is reconnected")
              .orElse("no inbox is connected: the warm-up waits until one is reconnected"),
          null);
    } else if (order.state == OrderState.PAUSED
        && order.pauseKind == PauseKind.INBOX
        && refused.isEmpty()
        && connected) {
      resume(order);
    }
  }

  /** After an email of the inbox landed in spam (in its transaction): the safeguard's pause. */
  public void landedInSpam(UUID orderId, UUID inboxId) {
    WarmupOrder order = WarmupOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order == null || order.state != OrderState.WARMING) {
      return;
    }
    LocalDate today = today(order);
    if (safeguard(order, inboxId, today) == Safeguard.PAUSE) {
      pauseForSpam(order, inboxId, today);
    }
  }

  /**
   * What spam placement lets the inbox send on {@code today}: its last 7 days' placement, counted
   * from the end of the warm-up's last pause for spam on (the spam that paused it does not pause it
   * again).
   */
  public Safeguard safeguard(WarmupOrder order, UUID inboxId, LocalDate today) {
    return Safeguard.of(spamCounted(order, inboxId, today), today);
  }

  /**
   * Pauses the running warm-up (locked, in its transaction) for 3 days, with the reason: the
   * inbox's safeguard is at {@link Safeguard#PAUSE}.
   */
  public void pauseForSpam(WarmupOrder order, UUID inboxId, LocalDate today) {
    WarmupInbox inbox = WarmupInbox.findById(inboxId);
    pause(
        order,
        PauseKind.SPAM,
        Math.round(100 * Reputation.spamRate(spamCounted(order, inboxId, today), today, 7))
            + " % of "
            + inbox.address
            + "'s warm-up emails landed in spam over 7 days: paused for 3 days to protect it",
        clock.instant().plus(SPAM_PAUSE));
  }

  private List<DayPlacement> spamCounted(WarmupOrder order, UUID inboxId, LocalDate today) {
    LocalDate since = today.minusDays(Reputation.WINDOW_DAYS);
    if (order.spamCountsFrom != null) {
      LocalDate resumed = order.spamCountsFrom.atZone(zone(order)).toLocalDate();
      since = resumed.isAfter(since) ? resumed : since;
    }
    return placements.of(inboxId, since);
  }

  /** Pauses a running warm-up: its emails are not sent, its ramp and end wait. */
  public void pause(WarmupOrder order, PauseKind kind, String reason, Instant until) {
    if (order.state != OrderState.WARMING) {
      return;
    }
    order.state = OrderState.PAUSED;
    order.stateReason = reason;
    order.pauseKind = kind;
    order.pausedAt = clock.instant();
    order.pausedUntil = until;
    announcements.announce(EventTypes.WARMUP_PAUSED, order);
  }

  private void resume(WarmupOrder order) {
    long paused = Duration.between(order.pausedAt, clock.instant()).toSeconds();
    order.pausedSeconds += paused;
    order.endsAt = order.endsAt.plusSeconds(paused);
    if (order.pauseKind == PauseKind.SPAM) {
      order.spamCountsFrom = clock.instant();
    }
    order.state = OrderState.WARMING;
    order.stateReason = null;
    order.pauseKind = null;
    order.pausedAt = null;
    order.pausedUntil = null;
    announcements.announce(EventTypes.WARMUP_RESUMED, order);
  }

  @Scheduled(
      every = "${warmup.plan.interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    advance();
  }

  /**
   * Ends the pauses for spam that are over and completes (or extends) the warm-ups whose end has
   * come; answers how many changed. Safe with any number of replicas (each order under its lock).
   */
  public int advance() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select id, org_id from warmup_order where state in ('WARMING',"
                                + " 'PAUSED') and (ends_at <= ?1 or paused_until <= ?1)")
                        .setParameter(1, now)
                        .getResultList());
    int changed = 0;
    for (Object[] row : due) {
      tenant.actFor((String) row[1]);
      if (QuarkusTransaction.requiringNew().call(() -> advance((UUID) row[0], now))) {
        changed++;
      }
    }
    return changed;
  }

  private boolean advance(UUID orderId, Instant now) {
    WarmupOrder order = WarmupOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order.state == OrderState.PAUSED
        && order.pausedUntil != null
        && !order.pausedUntil.isAfter(now)) {
      resume(order);
      return true;
    }
    if (!order.state.holdsCampaigns() || order.endsAt.isAfter(now)) {
      return false;
    }
    List<String> notReady = notReady(order);
    if (notReady.isEmpty()) {
      complete(order, true, "ready for campaigns");
    } else if (!order.extended && order.state == OrderState.WARMING) {
      order.extended = true;
      order.endsAt = order.endsAt.plus(EXTENSION);
      order.stateReason =
          "not ready on its last day ("
              + String.join("; ", notReady)
              + "): extended once by 7 days";
      announcements.announce(EventTypes.WARMUP_EXTENDED, order);
    } else {
      complete(order, false, "completed without being ready (" + String.join("; ", notReady) + ")");
    }
    return true;
  }

  private void complete(WarmupOrder order, boolean ready, String reason) {
    order.state = OrderState.COMPLETED;
    order.ready = ready;
    order.stateReason = reason;
    order.completedAt = clock.instant();
    announcements.announce(EventTypes.WARMUP_COMPLETED, order);
  }

  /** Each connected inbox that is not ready, and why. */
  private List<String> notReady(WarmupOrder order) {
    LocalDate today = today(order);
    int day = Ramp.dayOf(order.rampStart(), clock.instant(), zone(order));
    List<WarmupInbox> connected = WarmupInbox.connectedTo(order.identityId);
    List<String> notReady = new ArrayList<>();
    if (connected.isEmpty()) {
      notReady.add("no inbox is connected");
    }
    for (WarmupInbox inbox : connected) {
      var days = placements.of(inbox.inboxId, today.minusDays(Reputation.WINDOW_DAYS));
      if (!Reputation.ready(days, today, day)) {
        var score = Reputation.score(days, today, day);
        notReady.add(
            inbox.address
                + (score.isPresent()
                    ? " scores " + score.getAsInt() + ", " + Reputation.READY_SCORE + " needed"
                    : " has too few warm-up emails landed to score")
                + ", "
                + Math.round(100 * (1 - Reputation.spamRate(days, today, 7)))
                + " % in the inbox over 7 days");
      }
    }
    return notReady;
  }

  private LocalDate today(WarmupOrder order) {
    return clock.instant().atZone(zone(order)).toLocalDate();
  }

  private static ZoneId zone(WarmupOrder order) {
    return ZoneId.of(WarmupIdentity.<WarmupIdentity>findById(order.identityId).timeZone);
  }
}
