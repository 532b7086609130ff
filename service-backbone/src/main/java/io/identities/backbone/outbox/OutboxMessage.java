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
}
