package io.identities.warmup.domain;

import java.util.Set;

/** Where a warm-up order stands. */
public enum OrderState {
  /** Ordered; the payment provider has not said it is paid. */
  PENDING_PAYMENT,
  /** Paid: the identity's inboxes warm up, its campaigns are held. */
  WARMING,
  /** Paid, but the warm-up waits (see the reason): its campaigns stay held. */
  PAUSED,
  COMPLETED,
  /** Cancelled before payment, or after it without a refund (see the reason). */
  CANCELLED,
  /** Cancelled and paid back in full. */
  REFUNDED;

  /** The states of the one order an identity can have at a time. */
  public static final Set<OrderState> ACTIVE = Set.of(PENDING_PAYMENT, WARMING, PAUSED);

  /** From payment to the end: the identity's campaigns are held. */
  public boolean holdsCampaigns() {
    return this == WARMING || this == PAUSED;
  }
}
