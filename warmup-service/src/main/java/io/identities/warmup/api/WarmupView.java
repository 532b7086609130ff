package io.identities.warmup.api;

import io.identities.warmup.domain.WarmupOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An identity's warm-up: its state (NOT_ORDERED before any order), how far it is, and its order.
 *
 * @param day the day of the warm-up it is on (1 on the day of payment), while it runs
 * @param days how many days it lasts
 * @param price what a warm-up costs now
 * @param connectedInboxes the identity's inboxes that can be warmed up (at least one to order)
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
    OrderView order) {

  static WarmupView of(
      UUID identityId,
      WarmupOrder latest,
      int days,
      OrderView.Price price,
      long connectedInboxes,
      Instant now) {
    if (latest == null) {
      return new WarmupView(
          identityId, "NOT_ORDERED", null, null, days, null, null, price, connectedInboxes, null);
    }
    Integer day =
        latest.state.holdsCampaigns()
            ? (int) Math.min(days, Duration.between(latest.startedAt, now).toDays() + 1)
            : null;
    return new WarmupView(
        identityId,
        latest.state.name(),
        latest.stateReason,
        day,
        days,
        latest.startedAt,
        latest.endsAt,
        price,
        connectedInboxes,
        OrderView.of(latest));
  }
}
