package io.identities.email.sending;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One email to send for an identity, from its command until the SMTP server took it. */
@Entity
@Table(name = "email_send")
public class Send extends PanacheEntityBase {

  /** The command's id. */
  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Column(name = "lead_id", nullable = false)
  public UUID leadId;

  @Column(name = "campaign_id")
  public UUID campaignId;

  @Column(name = "sequence_step", nullable = false)
  public int sequenceStep;

  @Column(nullable = false)
  public String recipient;

  @Column(nullable = false)
  public String subject;

  @Column(name = "html_body")
  public String htmlBody;

  @Column(name = "text_body")
  public String textBody;

  @Column(name = "reply_to_thread", nullable = false)
  public boolean replyToThread;

  /** The lead is already in a sequence: its emails go before first emails to new leads. */
  @Column(name = "follow_up", nullable = false)
  public boolean followUp;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SendStatus status;

  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "not_before", nullable = false)
  public Instant notBefore;

  /** Failed attempts to hand it to the SMTP server, for the back-off. */
  @Column(nullable = false)
  public int attempts;

  @Column(name = "inbox_id")
  public UUID inboxId;

  @Column(name = "message_id")
  public String messageId;

  @Column(name = "in_reply_to")
  public String inReplyTo;

  @Column(name = "message_references")
  public String references;

  /** When it took its inbox's capacity; counted by the limits while set. */
  @Column(name = "reserved_at")
  public Instant reservedAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /**
   * The order it was queued in (the database numbers it): equal slots go first come, first served.
   */
  @Column(name = "queue_position", insertable = false, updatable = false)
  public Long queuePosition;

  /** Holds it, for as long as {@code reason} says. */
  void hold(String reason) {
    status = SendStatus.HELD;
    statusReason = reason;
  }

  /**
   * The identity's held sends are decided again now, as are its queued ones (an inbox may have room
   * before their slot); those still blocked are held or deferred again. Their queue positions keep
   * their order.
   */
  static void releaseHeld(UUID identityId, Instant now) {
    update(
        "status = ?1, statusReason = null, notBefore = ?2 where identityId = ?3 and (status = ?4"
            + " or status = ?1)",
        SendStatus.QUEUED,
        now,
        identityId,
        SendStatus.HELD);
  }

  /**
   * The identity's sends queued for a later slot are due now, to be decided again: the slot and its
   * reason came from limits, working hours or inboxes that changed. Their queue positions keep
   * their order. Answers how many.
   */
  static int replan(UUID identityId, Instant now) {
    return update(
        "statusReason = null, notBefore = ?1 where identityId = ?2 and status = ?3"
            + " and notBefore > ?1",
        now,
        identityId,
        SendStatus.QUEUED);
  }

  /** Gives back the reserved capacity and waits for another slot. */
  void requeue(Instant notBefore, String reason) {
    status = SendStatus.QUEUED;
    statusReason = reason;
    this.notBefore = notBefore;
    reservedAt = null;
  }
}
