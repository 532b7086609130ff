package io.identities.warmup.payment;

import java.time.Instant;
import java.util.UUID;

/** The payment provider, in the product's words: a page to pay an order on, refunds, its news. */
public interface Payments {

  /**
   * A page where the order is paid. Asked twice for one order, it answers the same page (the
   * order's id makes the request idempotent at the provider).
   *
   * @throws UnavailableException when the provider cannot be reached or refuses
   */
  Checkout checkout(Purchase purchase);

  /**
   * Closes an order's payment page before it is paid.
   *
   * @return false when it cannot be closed any more: it was paid, or closed already
   */
  boolean close(String checkoutId);

  /** Pays the payment back in full; once per order however often asked. Answers the refund's id. */
  String refund(UUID orderId, String paymentId);

  /**
   * The provider's notification, once its signature is checked.
   *
   * @throws ForgedEventException when it is not the provider's, or too old to be trusted
   */
  PaymentEvent read(String payload, String signature);

  /** What is bought: one warm-up for an identity, at the configured price. */
  record Purchase(UUID orderId, UUID identityId, String orgId, long amountCents, String currency) {}

  record Checkout(String id, String url, Instant expiresAt) {}

  /**
   * A notification: which checkout or payment it is about, and what happened.
   *
   * @param orderId the order the checkout was made for, when the provider echoes it
   */
  record PaymentEvent(String id, Kind kind, String checkoutId, String paymentId, UUID orderId) {}

  enum Kind {
    /** The checkout was paid. */
    PAID,
    /** The checkout's page expired unpaid. */
    CHECKOUT_EXPIRED,
    /** The payment was paid back in full. */
    REFUNDED,
    /** Anything else: acknowledged, nothing to do. */
    OTHER
  }

  class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  class ForgedEventException extends RuntimeException {
    public ForgedEventException(String message) {
      super(message);
    }
  }
}
