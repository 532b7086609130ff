package io.identities.warmup.api;

import io.identities.warmup.domain.Ramp;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * An identity's warm-up: its state (NOT_ORDERED before any order), how far it is, and its order.
 *
 * @param day the day of the warm-up it is on (1 on the day of payment), while it runs
 * @param days how many days it lasts
 * @param price what a warm-up costs now
 * @param connectedInboxes the identity's inboxes that can be warmed up (at least one to order)
 * @param inboxes while it runs, each connected inbox and its warm-up emails to send today
 */
public record WarmupView(
    UUID identityId,
    String state,
    String reason,
    Integer day,
    int days,
    Instant startedAt,
    Instant endsAt,
    OrderView.Price price,
    long connectedInboxes,
    List<InboxPlan> inboxes,
    OrderView order) {

  /** An inbox of the warm-up and today's target of warm-up emails (the ramp's, varied). */
  public record InboxPlan(UUID inboxId, String address, int todayTarget) {}

  static WarmupView of(
      UUID identityId,
      WarmupOrder latest,
      int days,
      Ramp ramp,
      OrderView.Price price,
      List<WarmupInbox> connected,
      Instant now) {
    if (latest == null) {
      return new WarmupView(
          identityId,
          "NOT_ORDERED",
          null,
          null,
          days,
          null,
          null,
          price,
          connected.size(),
          List.of(),
          null);
    }
    Integer day =
        latest.state.holdsCampaigns()
            ? (int) Math.min(days, Duration.between(latest.startedAt, now).toDays() + 1)
            : null;
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<InboxPlan> inboxes =
        day == null
            ? List.of()
            : connected.stream()
                .map(
                    inbox ->
                        new InboxPlan(
                            inbox.inboxId, inbox.address, ramp.target(inbox.inboxId, today, day)))
                .toList();
    return new WarmupView(
        identityId,
        latest.state.name(),
        latest.stateReason,
        day,
        days,
        latest.startedAt,
        latest.endsAt,
        price,
        connected.size(),
        inboxes,
        OrderView.of(latest));
  }
}
