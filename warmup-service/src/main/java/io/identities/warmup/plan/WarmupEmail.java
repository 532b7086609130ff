package io.identities.warmup.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One warm-up email of an inbox's day: planned as a slot with its partner, filled when due (a reply
 * the inbox owes, or a new thread), sent by email-gateway, and found where it landed. Across
 * organizations (its recipient is another's), so {@code orgId} is the sender's and no tenant
 * filter.
 */
@Entity
@Table(name = "warmup_email")
public class WarmupEmail extends PanacheEntityBase {

  /** Where a warm-up email is. */
  public enum Status {
    PLANNED,
    REQUESTED,
    SENT,
    FAILED,
    /** Not sent when due (see the reason): its warm-up or an inbox was not there any more. */
    SKIPPED
  }

  @Id public UUID id;

  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  /** The warm-up it is part of; null for a seed inbox's answer (the seed pool has none). */
  @Column(name = "order_id", updatable = false)
  public UUID orderId;

  @Column(name = "sender_inbox_id", nullable = false, updatable = false)
  public UUID senderInboxId;

  @Column(nullable = false, updatable = false)
  public LocalDate day;

  @Column(name = "due_at", nullable = false, updatable = false)
  public Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "recipient_inbox_id", nullable = false)
  public UUID recipientInboxId;

  @Column(name = "recipient_org_id", nullable = false)
  public String recipientOrgId;

  @Column public String subject;

  /** 1 for a thread's first email, 2 for its answer... */
  @Column(name = "thread_depth", nullable = false)
  public int threadDepth = 1;

  /** The warm-up email this one answers. */
  @Column(name = "answers_id")
  public UUID answersId;

  @Column(nullable = false)
  public boolean important;

  /** The recipient answers it (once it landed, after a while). */
  @Column(name = "reply_wanted", nullable = false)
  public boolean replyWanted;

  @Column(name = "replied_by")
  public UUID repliedBy;

  /** The Message-ID email-gateway gave it. */
  @Column(name = "message_id")
  public String messageId;

  /** The thread's Message-IDs before this one. */
  @Column(name = "thread_references")
  public String references;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  /** INBOX or SPAM: where the recipient's provider put it. */
  @Column public String placement;

  @Column(name = "landed_at")
  public Instant landedAt;

  /**
   * A server refused it for good for the sender's sake (its policy, the message as spam): it counts
   * against the sender's score. A refused pool address is not the sender's bounce.
   */
  @Column(nullable = false)
  public boolean bounced;
}
