package io.identities.warmup.domain;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.warmup.payment.PaymentConfig;
import io.identities.warmup.payment.Payments;
import io.identities.warmup.payment.Payments.PaymentEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The rules of buying a warm-up: one order per idempotency key and one running order per identity
 * (of an identity with a connected inbox); paid only when the payment provider says so, once per
 * notification; cancelled before payment for nothing, after payment and before the first warm-up
 * email with a full refund, and later without one.
 */
@ApplicationScoped
public class OrderService {

  private final Payments payments;
  private final PaymentConfig price;
  private final WarmupConfig warmup;
  private final Announcements announcements;
  private final TenantContext tenant;
  private final EntityManager entityManager;
  private final Clock clock;

  OrderService(
      Payments payments,
      PaymentConfig price,
      WarmupConfig warmup,
      Announcements announcements,
      TenantContext tenant,
      EntityManager entityManager,
      Clock clock) {
    this.payments = payments;
    this.price = price;
    this.warmup = warmup;
    this.announcements = announcements;
    this.tenant = tenant;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** An order and whether this call made it. */
  public record Ordered(WarmupOrder order, boolean created) {}

  /**
   * Orders a warm-up for the identity, or answers the order made with this key before. The order is
   * recorded first, then its payment page asked for (outside the transaction): if the provider
   * cannot be reached, the same key again asks for it again.
   */
  public Ordered order(UUID identityId, String idempotencyKey) {
    Ordered ordered;
    try {
      ordered = QuarkusTransaction.requiringNew().call(() -> record(identityId, idempotencyKey));
    } catch (ConstraintViolationException e) {
      // the same key, or another order of the identity, committed meanwhile
      ordered = QuarkusTransaction.requiringNew().call(() -> record(identityId, idempotencyKey));
    }
    WarmupOrder order = ordered.order();
    if (order.state != OrderState.PENDING_PAYMENT || order.checkoutId != null) {
      return ordered;
    }
    Payments.Checkout checkout;
    try {
      checkout =
          payments.checkout(
              new Payments.Purchase(
                  order.id, order.identityId, order.orgId, order.amountCents, order.currency));
    } catch (Payments.UnavailableException e) {
      throw unavailable(e, "the order is kept: post again with the same Idempotency-Key");
    }
    boolean created = ordered.created();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // a request racing with the same key got the same checkout (Stripe's idempotency
              // key): the first to save it wins, the other answers it
              WarmupOrder saved = WarmupOrder.findById(order.id, LockModeType.PESSIMISTIC_WRITE);
              if (saved.checkoutId == null) {
                saved.checkoutId = checkout.id();
                saved.checkoutUrl = checkout.url();
                saved.checkoutExpiresAt = checkout.expiresAt();
              }
              return new Ordered(saved, created);
            });
  }

  private Ordered record(UUID identityId, String key) {
    WarmupOrder existing = WarmupOrder.byKey(key).orElse(null);
    if (existing != null) {
      if (!existing.identityId.equals(identityId)) {
        throw ProblemException.unprocessable(
            "The Idempotency-Key " + key + " was used for another identity's order");
      }
      return new Ordered(existing, false);
    }
    identity(identityId);
    WarmupOrder active = WarmupOrder.activeOf(identityId).orElse(null);
    if (active != null && active.idempotencyKey.equals(key)) {
      return new Ordered(active, false); // committed by a request with the key just now
    }
    if (active != null) {
      throw ProblemException.conflict(
          active.state == OrderState.PENDING_PAYMENT
              ? "Order " + active.id + " of this identity waits for its payment: pay or cancel it"
              : "The identity's inboxes are already warming up (order " + active.id + ")");
    }
    if (WarmupInbox.connectedOf(identityId) == 0) {
      throw ProblemException.conflict(
          "The identity has no connected inbox to warm up: connect one first");
    }
    WarmupOrder order = new WarmupOrder();
    order.id = UUID.randomUUID();
    order.identityId = identityId;
    order.idempotencyKey = key;
    order.state = OrderState.PENDING_PAYMENT;
    order.amountCents = price.priceCents();
    order.currency = price.currency();
    order.createdAt = clock.instant();
    order.persistAndFlush();
    return new Ordered(order, true);
  }

  /**
   * Cancels the order: before payment its page is closed; after payment and before the first
   * warm-up email it is refunded in full (REFUNDED once the provider confirms); later it stops
   * without a refund. Cancelling a cancelled order whose refund did not go through asks again.
   */
  public WarmupOrder cancel(UUID identityId, UUID orderId) {
    WarmupOrder order = inTransaction(() -> order(identityId, orderId));
    switch (order.state) {
      case PENDING_PAYMENT -> {
        WarmupOrder cancelled =
            inTransaction(
                () -> {
                  // the row lock keeps Stripe's word of the closed checkout waiting until the
                  // cancellation is recorded, so the order says it was cancelled, not expired
                  WarmupOrder current = locked(identityId, orderId);
                  if (current.state != OrderState.PENDING_PAYMENT) {
                    return null; // paid or expired meanwhile
                  }
                  if (current.checkoutId != null && !close(current.checkoutId)) {
                    throw ProblemException.conflict(
                        "The payment has just gone through: cancel again to be refunded");
                  }
                  return stop(current, "cancelled before payment");
                });
        return cancelled != null ? cancelled : cancel(identityId, orderId);
      }
      case WARMING, PAUSED -> {
        WarmupOrder stopped =
            inTransaction(
                () -> {
                  // locked: the warm-up's own updates (its first email, a pause) wait or come
                  // after, and the rule below reads the order as it is now
                  WarmupOrder current = locked(identityId, orderId);
                  if (!current.state.holdsCampaigns()) {
                    return null; // stopped meanwhile
                  }
                  boolean refunded = current.firstEmailAt == null;
                  if (refunded) {
                    current.refundRequestedAt = clock.instant();
                  }
                  return stop(
                      current,
                      refunded
                          ? "cancelled before the first warm-up email: refunded in full"
                          : "cancelled after the warm-up started: not refunded");
                });
        if (stopped == null) {
          return cancel(identityId, orderId);
        }
        return stopped.refundRequestedAt != null ? refund(stopped) : stopped;
      }
      case CANCELLED -> {
        if (order.refundRequestedAt != null && order.refundId == null) {
          return refund(order);
        }
        throw ProblemException.conflict("The order is already cancelled");
      }
      default ->
          throw ProblemException.conflict(
              "The order is " + order.state.name().toLowerCase() + ": nothing to cancel");
    }
  }

  /**
   * Acts on a verified notification of the payment provider, once per notification id: the order it
   * is about is paid (its warm-up starts), expired unpaid, or refunded.
   */
  public void paymentEvent(PaymentEvent event) {
    if (event.kind() == Payments.Kind.OTHER) {
      return;
    }
    UUID orderId = inTransaction(() -> orderOf(event));
    if (orderId == null) {
      return; // not one of ours (another product on the same Stripe account)
    }
    WarmupOrder toRefund =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  int first =
                      entityManager
                          .createNativeQuery(
                              "insert into warmup_payment_event (event_id, type, received_at)"
                                  + " values (?1, ?2, ?3) on conflict do nothing")
                          .setParameter(1, event.id())
                          .setParameter(2, event.kind().name())
                          .setParameter(3, clock.instant())
                          .executeUpdate();
                  if (first == 0) {
                    return null;
                  }
                  WarmupOrder order = WarmupOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
                  switch (event.kind()) {
                    case PAID -> paid(order, event.paymentId());
                    case CHECKOUT_EXPIRED -> {
                      if (order.state == OrderState.PENDING_PAYMENT) {
                        stop(order, "the payment page expired unpaid");
                      }
                    }
                    case REFUNDED -> refunded(order);
                    default -> {}
                  }
                  boolean refundOwed =
                      order.state != OrderState.REFUNDED
                          && order.refundRequestedAt != null
                          && order.refundId == null;
                  return refundOwed ? order : null;
                });
    if (toRefund != null) {
      refund(toRefund);
    }
  }

  private void paid(WarmupOrder order, String paymentId) {
    if (order.paymentId != null) {
      return;
    }
    order.paymentId = paymentId;
    order.paidAt = clock.instant();
    if (order.state != OrderState.PENDING_PAYMENT) {
      // paid while being cancelled: nothing was delivered, so it is paid back
      order.refundRequestedAt = clock.instant();
      order.stateReason = "paid after it was cancelled: refunded in full";
      return;
    }
    order.state = OrderState.WARMING;
    order.stateReason = null;
    order.startedAt = order.paidAt;
    order.endsAt = order.startedAt.plus(Duration.ofDays(warmup.days()));
    announcements.announce(EventTypes.WARMUP_STARTED, order);
  }

  /**
   * Stripe says the payment went back: the order is REFUNDED, announced like the cancellation it
   * follows (a later change, so it wins over it). One refunded from Stripe's dashboard while it ran
   * stops there.
   */
  private void refunded(WarmupOrder order) {
    if (order.state == OrderState.REFUNDED) {
      return;
    }
    if (order.state.holdsCampaigns()) {
      order.stateReason = "refunded through Stripe";
      order.cancelledAt = clock.instant();
    }
    order.state = OrderState.REFUNDED;
    order.refundedAt = clock.instant();
    announcements.announce(EventTypes.WARMUP_CANCELLED, order);
  }

  private WarmupOrder refund(WarmupOrder order) {
    String refundId;
    try {
      refundId = payments.refund(order.id, order.paymentId);
    } catch (Payments.UnavailableException e) {
      throw unavailable(e, "the order is cancelled: cancel it again to ask for the refund");
    }
    return inTransaction(
        () -> {
          // locked: Stripe's word of the refund may be recording the same order right now
          WarmupOrder current = locked(order.identityId, order.id);
          current.refundId = refundId;
          return current;
        });
  }

  private WarmupOrder stop(WarmupOrder order, String reason) {
    order.state = OrderState.CANCELLED;
    order.stateReason = reason;
    order.cancelledAt = clock.instant();
    announcements.announce(EventTypes.WARMUP_CANCELLED, order);
    return order;
  }

  /**
   * The order a notification is about, acting for its organization from then on: webhooks come
   * without a tenant, and a transaction's tenant is fixed when it first reads.
   */
  private UUID orderOf(PaymentEvent event) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        entityManager
            .createNativeQuery(
                "select id, org_id from warmup_order where id = ?1 or checkout_id = ?2"
                    + " or payment_id = ?3")
            .setParameter(1, event.orderId())
            .setParameter(2, event.checkoutId())
            .setParameter(3, event.paymentId())
            .getResultList();
    if (found.isEmpty()) {
      return null;
    }
    tenant.actFor((String) found.get(0)[1]);
    return (UUID) found.get(0)[0];
  }

  private boolean close(String checkoutId) {
    try {
      return payments.close(checkoutId);
    } catch (Payments.UnavailableException e) {
      throw unavailable(e, "try again");
    }
  }

  private static WarmupOrder locked(UUID identityId, UUID orderId) {
    return WarmupOrder.<WarmupOrder>find("id = ?1 and identityId = ?2", orderId, identityId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Order", orderId));
  }

  public WarmupOrder order(UUID identityId, UUID orderId) {
    return WarmupOrder.<WarmupOrder>find("id = ?1 and identityId = ?2", orderId, identityId)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Order", orderId));
  }

  public WarmupIdentity identity(UUID identityId) {
    return WarmupIdentity.<WarmupIdentity>findByIdOptional(identityId)
        .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
  }

  /**
   * The latest order of each of these identities of the organization that has one, in the order
   * asked, in two queries however many they are: the identities' own first (an identity the
   * organization does not know is left out), so that reading their calendars afterwards (a running
   * warm-up's day) finds them already read.
   */
  public List<WarmupOrder> latestOf(Collection<UUID> identityIds) {
    List<UUID> known =
        WarmupIdentity.<WarmupIdentity>list("identityId in ?1", identityIds).stream()
            .map(identity -> identity.identityId)
            .toList();
    if (known.isEmpty()) {
      return List.of();
    }
    Map<UUID, WarmupOrder> latest = WarmupOrder.latestOf(known);
    return identityIds.stream().distinct().map(latest::get).filter(Objects::nonNull).toList();
  }

  /** The moment used for progress (the service's clock). */
  public Instant now() {
    return clock.instant();
  }

  private static ProblemException unavailable(Payments.UnavailableException e, String whatNow) {
    return new ProblemException(
        502, "Payment provider unavailable", e.getMessage() + "; " + whatNow, List.of());
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
