package io.identities.warmup.plan;

import io.identities.warmup.domain.OrderState;
import io.identities.warmup.domain.Ramp;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.domain.WarmupCourse;
import io.identities.warmup.domain.WarmupIdentity;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.placement.DayPlacement;
import io.identities.warmup.placement.Placements;
import io.identities.warmup.placement.Reputation;
import io.identities.warmup.placement.Reputation.DayScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** How a running warm-up's day stands, per inbox, on the identity's calendar. */
@ApplicationScoped
public class Progress {

  /**
   * An inbox's day: its target (as planned; before the day is planned, the ramp's cut by its
   * safeguard, or none while the warm-up is paused), the warm-up emails it sent so far, its
   * reputation score (null while too early to tell), the share of its last 7 days' emails found in
   * the inbox rather than spam (null before any landed), and its score at the end of each day of
   * the warm-up.
   */
  public record InboxToday(
      UUID inboxId,
      String address,
      int target,
      int sent,
      Integer score,
      Integer inboxRate,
      List<DayScore> history) {}

  private final EntityManager entityManager;
  private final Placements placements;
  private final WarmupConfig config;
  private final WarmupCourse course;

  Progress(
      EntityManager entityManager,
      Placements placements,
      WarmupConfig config,
      WarmupCourse course) {
    this.entityManager = entityManager;
    this.placements = placements;
    this.config = config;
    this.course = course;
  }

  /**
   * Where a warm-up stands: the day it is on while it runs (null otherwise) of the days it lasts.
   */
  public record Standing(Integer day, int days) {}

  /**
   * Where the identity's latest order (null for none) stands now: a running warm-up's day of its
   * days, its extension included; otherwise no day, of the days a warm-up lasts.
   */
  public Standing standing(WarmupOrder latest, Instant now) {
    if (latest == null || !latest.state.holdsCampaigns()) {
      return new Standing(null, config.days());
    }
    return new Standing(day(latest, now), days(latest));
  }

  /** How many days the warm-up lasts: its one extension included. */
  public int days(WarmupOrder order) {
    return config.days() + (order.extended ? (int) WarmupCourse.EXTENSION.toDays() : 0);
  }

  /** The warm-up's day number now, on the identity's calendar, the days it was paused left out. */
  public int day(WarmupOrder order, Instant now) {
    return Math.min(days(order), Ramp.dayOf(order.rampStart(), now, zoneOf(order)));
  }

  public List<InboxToday> today(WarmupOrder order, List<WarmupInbox> inboxes, Instant now) {
    ZoneId zone = zoneOf(order);
    LocalDate today = now.atZone(zone).toLocalDate();
    int day = Ramp.dayOf(order.rampStart(), now, zone);
    LocalDate firstDay = order.startedAt.atZone(zone).toLocalDate();
    return inboxes.stream()
        .map(
            inbox -> {
              // the whole warm-up's days, once: the score of today and of each day before
              List<DayPlacement> days =
                  placements.of(inbox.inboxId, firstDay.minusDays(Reputation.WINDOW_DAYS));
              OptionalInt score = Reputation.score(days, today, day);
              return new InboxToday(
                  inbox.inboxId,
                  inbox.address,
                  planned(inbox.inboxId, today)
                      .orElseGet(() -> unplanned(order, inbox, today, day)),
                  sent(inbox.inboxId, today),
                  score.isPresent() ? score.getAsInt() : null,
                  Reputation.landed(days, today, 7) == 0
                      ? null
                      : (int) Math.round(100 * (1 - Reputation.spamRate(days, today, 7))),
                  Reputation.history(days, firstDay, today));
            })
        .toList();
  }

  /** Before the day is planned: what the planner will plan, nothing while it is paused. */
  private int unplanned(WarmupOrder order, WarmupInbox inbox, LocalDate today, int day) {
    if (order.state != OrderState.WARMING) {
      return 0;
    }
    return DayPlanner.target(
        config, inbox.inboxId, today, day, course.safeguard(order, inbox.inboxId, today));
  }

  private ZoneId zoneOf(WarmupOrder order) {
    return ZoneId.of(WarmupIdentity.<WarmupIdentity>findById(order.identityId).timeZone);
  }

  private Optional<Integer> planned(UUID inboxId, LocalDate day) {
    return entityManager
        .createNativeQuery(
            "select target from warmup_day where inbox_id = ?1 and day = ?2", Integer.class)
        .setParameter(1, inboxId)
        .setParameter(2, day)
        .getResultStream()
        .findFirst()
        .map(Integer.class::cast);
  }

  private int sent(UUID inboxId, LocalDate day) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "select count(*) from warmup_email where sender_inbox_id = ?1 and day = ?2"
                        + " and status = 'SENT'")
                .setParameter(1, inboxId)
                .setParameter(2, day)
                .getSingleResult())
        .intValue();
  }
}
