package io.identities.warmup.api;

import io.identities.warmup.domain.OrderState;
import io.identities.warmup.domain.WarmupOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A warm-up order as its buyer sees it.
 *
 * @param payment where to pay, while the order waits for its payment
 * @param refundPending a refund was asked for and the provider has not confirmed it yet
 */
public record OrderView(
    UUID id,
    UUID identityId,
    OrderState state,
    String reason,
    Price price,
    Payment payment,
    Instant createdAt,
    Instant paidAt,
    Instant cancelledAt,
    Instant refundedAt,
    boolean refundPending) {

  /** An amount in a currency, as a decimal string ("50.00"). */
  public record Price(String amount, String currency) {

    static Price of(long cents, String currency) {
      return new Price(BigDecimal.valueOf(cents, 2).toPlainString(), currency);
    }
  }

  public record Payment(String provider, String url, Instant expiresAt) {}

  static OrderView of(WarmupOrder order) {
    return new OrderView(
        order.id,
        order.identityId,
        order.state,
        order.stateReason,
        Price.of(order.amountCents, order.currency),
        order.state == OrderState.PENDING_PAYMENT && order.checkoutUrl != null
            ? new Payment("stripe", order.checkoutUrl, order.checkoutExpiresAt)
            : null,
        order.createdAt,
        order.paidAt,
        order.cancelledAt,
        order.refundedAt,
        order.refundRequestedAt != null && order.refundedAt == null);
  }
}
