package io.identities.warmup.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A warm-up bought for an identity: its price, its payment, and where the warm-up stands. */
@Entity
@Table(name = "warmup_order")
public class WarmupOrder extends PanacheEntityBase {

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false, updatable = false)
  public UUID identityId;

  /** The caller's key: the same key again answers this order. */
  @Column(name = "idempotency_key", nullable = false, updatable = false)
  public String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrderState state;

  @Column(name = "state_reason")
  public String stateReason;

  /** The price in the currency's minor unit (cents), from configuration at ordering time. */
  @Column(name = "amount_cents", nullable = false, updatable = false)
  public long amountCents;

  @Column(nullable = false, updatable = false)
  public String currency;

  /** The payment provider's checkout (a Stripe Checkout Session id). */
  @Column(name = "checkout_id")
  public String checkoutId;

  @Column(name = "checkout_url")
  public String checkoutUrl;

  @Column(name = "checkout_expires_at")
  public Instant checkoutExpiresAt;

  /** The provider's payment, once paid (a Stripe PaymentIntent id). */
  @Column(name = "payment_id")
  public String paymentId;

  @Column(name = "refund_id")
  public String refundId;

  @Column(name = "refund_requested_at")
  public Instant refundRequestedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "paid_at")
  public Instant paidAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ends_at")
  public Instant endsAt;

  /**
   * When the first warm-up email was asked of email-gateway (from then on it is on its way): a
   * cancellation from then on is not refunded.
   */
  @Column(name = "first_email_at")
  public Instant firstEmailAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  @Column(name = "refunded_at")
  public Instant refundedAt;

  /** Since when a paused warm-up waits (null unless paused). */
  @Column(name = "paused_at")
  public Instant pausedAt;

  /** When a pause for spam ends by itself (null for one that waits for the inbox). */
  @Column(name = "paused_until")
  public Instant pausedUntil;

  @Enumerated(EnumType.STRING)
  @Column(name = "pause_kind")
  public PauseKind pauseKind;

  /**
   * When its last pause for spam ended: its safeguard counts the spam of the days from then on (the
   * spam that paused it has had its effect). Null before any.
   */
  @Column(name = "spam_counts_from")
  public Instant spamCountsFrom;

  /** How long it was paused in all: its ramp and its end wait for that long. */
  @Column(name = "paused_seconds", nullable = false)
  public long pausedSeconds;

  /** It was not ready on its last day and got its one extension. */
  @Column(nullable = false)
  public boolean extended;

  /** On completion: whether its inboxes were ready for campaigns. */
  @Column public Boolean ready;

  @Column(name = "completed_at")
  public Instant completedAt;

  /** What the owner should know (e.g. mail sent by hand during the warm-up). */
  @Column public String warning;

  /** Emails sent by hand from its inboxes while it ran. */
  @Column(name = "hand_sent", nullable = false)
  public int handSent;

  /** When its latest change was announced: the next announcement is later (latest wins). */
  @Column(name = "announced_at")
  public Instant announcedAt;

  @Version public long version;

  /** Why a warm-up waits. */
  public enum PauseKind {
    /** Too much of its mail landed in spam: it waits a few days. */
    SPAM,
    /** An inbox was paused by email-gateway, or none is connected: it waits for the inbox. */
    INBOX
  }

  /** Where its ramp counts from: the start, moved on by the time it was paused. */
  public Instant rampStart() {
    return startedAt.plusSeconds(pausedSeconds);
  }

  public static Optional<WarmupOrder> byKey(String idempotencyKey) {
    return find("idempotencyKey", idempotencyKey).firstResultOptional();
  }

  /** The identity's newest order, if it ever had one. */
  public static Optional<WarmupOrder> latestOf(UUID identityId) {
    return find("identityId = ?1 order by createdAt desc", identityId).firstResultOptional();
  }

  /** The newest order of each of these identities that ever had one, in one query. */
  public static Map<UUID, WarmupOrder> latestOf(Collection<UUID> identityIds) {
    Map<UUID, WarmupOrder> latest = new HashMap<>();
    WarmupOrder.<WarmupOrder>list("identityId in ?1 order by createdAt desc", identityIds)
        .forEach(order -> latest.putIfAbsent(order.identityId, order));
    return latest;
  }

  public static Optional<WarmupOrder> activeOf(UUID identityId) {
    return find("identityId = ?1 and state in ?2", identityId, OrderState.ACTIVE)
        .firstResultOptional();
  }
}
