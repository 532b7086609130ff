package io.identities.warmup.api;

import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.placement.Reputation.DayScore;
import io.identities.warmup.plan.Progress.InboxToday;
import io.identities.warmup.plan.Progress.Standing;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An identity's warm-up: its state (NOT_ORDERED before any order), how far it is, and its order.
 *
 * @param ready once completed: whether its inboxes were ready for campaigns
 * @param warning what the owner should know while it runs (mail sent by hand from its inboxes)
 * @param day the day of the warm-up it is on (1 on the day of payment, on the identity's calendar),
 *     while it runs
 * @param days how many days it lasts (its one extension included)
 * @param price what a warm-up costs now
 * @param connectedInboxes the identity's inboxes that can be warmed up (at least one to order)
 * @param inboxes while it runs, each connected inbox with today's target of warm-up emails and
 *     those sent so far
 */
public record WarmupView(
    UUID identityId,
    String state,
    String reason,
    Boolean ready,
    String warning,
    Integer day,
    int days,
    Instant startedAt,
    Instant endsAt,
    OrderView.Price price,
    long connectedInboxes,
    List<InboxPlan> inboxes,
    OrderView order) {

  /**
   * An inbox of the warm-up: today's target of warm-up emails and those sent so far, its reputation
   * score 0-100 (null until day 3 and 20 emails landed), the percentage of its last 7 days' emails
   * found in the inbox rather than in spam, and its score at the end of each day.
   */
  public record InboxPlan(
      UUID inboxId,
      String address,
      int todayTarget,
      int sentToday,
      Integer reputation,
      Integer inboxPlacement,
      List<DayScore> history) {}

  /**
   * @param standing its day (while it runs) of its days
   * @param today while it runs, each inbox's day
   */
  static WarmupView of(
      UUID identityId,
      WarmupOrder latest,
      Standing standing,
      OrderView.Price price,
      long connectedInboxes,
      List<InboxToday> today) {
    if (latest == null) {
      return new WarmupView(
          identityId,
          "NOT_ORDERED",
          null,
          null,
          null,
          null,
          standing.days(),
          null,
          null,
          price,
          connectedInboxes,
          List.of(),
          null);
    }
    List<InboxPlan> inboxes =
        today.stream()
            .map(
                inbox ->
                    new InboxPlan(
                        inbox.inboxId(),
                        inbox.address(),
                        inbox.target(),
                        inbox.sent(),
                        inbox.score(),
                        inbox.inboxRate(),
                        inbox.history()))
            .toList();
    return new WarmupView(
        identityId,
        latest.state.name(),
        latest.stateReason,
        latest.ready,
        latest.warning,
        standing.day(),
        standing.days(),
        latest.startedAt,
        latest.endsAt,
        price,
        connectedInboxes,
        inboxes,
        OrderView.of(latest));
  }
}
