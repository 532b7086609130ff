package io.identities.email.warmup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A warm-up email warmup-service asked for, from one of the gateway's inboxes to a pool address,
 * and the record the recipient's side recognizes it by: its token (a header) and its Message-ID
 * (for providers that drop unknown headers). Across organizations, so not scoped to a tenant.
 */
@Entity
@Table(name = "warmup_mail")
public class WarmupMail extends PanacheEntityBase {

  /** Where a warm-up email is. */
  public enum Status {
    QUEUED,
    SENDING,
    SENT,
    FAILED,
    RECEIVED
  }

  @Id public UUID id;

  /** The sender's organization (not a tenant filter: the recipient's reader is in another). */
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "inbox_id", nullable = false, updatable = false)
  public UUID inboxId;

  @Column(nullable = false, updatable = false)
  public String recipient;

  @Column(nullable = false, updatable = false)
  public String subject;

  @Column(nullable = false, updatable = false)
  public String body;

  @Column(name = "in_reply_to", updatable = false)
  public String inReplyTo;

  @Column(name = "thread_references", updatable = false)
  public String references;

  @Column(nullable = false, updatable = false)
  public boolean important;

  @Column(nullable = false, updatable = false)
  public String token;

  @Column(name = "message_id", nullable = false, updatable = false)
  public String messageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "queued_at", nullable = false, updatable = false)
  public Instant queuedAt;

  @Column(name = "claimed_at")
  public Instant claimedAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  @Column(name = "received_at")
  public Instant receivedAt;

  /** Where the recipient's provider had put it: INBOX or SPAM. */
  @Column public String placement;

  /** The warm-up emails sent to {@code address} since {@code since} and not found there yet. */
  public static List<WarmupMail> expectedAt(String address, Instant since) {
    return list(
        "lower(recipient) = lower(?1) and status = ?2 and sentAt >= ?3",
        address,
        Status.SENT,
        since);
  }
}
