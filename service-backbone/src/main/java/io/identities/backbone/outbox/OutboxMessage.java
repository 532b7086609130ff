package io.identities.backbone.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message written with a state change, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

  /**
   * Commit order; the relay publishes in this order, which keeps each aggregate's events in order.
   */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long position;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(nullable = false)
  public String exchange;

  @Column(name = "routing_key", nullable = false)
  public String routingKey;

  /** The serialized {@link io.identities.backbone.events.EventEnvelope}. */
  @Column(nullable = false)
  public String envelope;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When the broker confirmed it; null while pending. */
  @Column(name = "published_at")
  public Instant publishedAt;

  /** How many times the broker returned it as unroutable. */
  @Column(nullable = false)
  public int attempts;

  /** Since when no queue takes it; null while it is routable. */
  @Column(name = "unroutable_since")
  public Instant unroutableSince;

  /** Not published before then (a returned message waits); null: at once. */
  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  /** The broker took it into at least one queue. */
  void published(Instant now) {
    publishedAt = now;
    unroutableSince = null;
    nextAttemptAt = null;
  }

  /** The broker returned it: no queue is bound to its routing key. Tried again later. */
  void returned(Instant now) {
    attempts++;
    if (unroutableSince == null) {
      unroutableSince = now;
    }
    nextAttemptAt = now.plus(OutboxRelay.retryDelay(attempts));
  }
}
