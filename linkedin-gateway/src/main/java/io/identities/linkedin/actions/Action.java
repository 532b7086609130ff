package io.identities.linkedin.actions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

/** One thing to do on LinkedIn for an identity, from its command until LinkedIn answered. */
@Entity
@Table(name = "linkedin_action")
@DynamicUpdate
public class Action extends PanacheEntityBase {

  /** What releases a held action. */
  public enum Hold {
    /** The account's session is not connected: connecting it again. */
    SESSION,
    /** LinkedIn restricted the account: reconnecting it, once someone has looked. */
    RESTRICTED,
    /** Invitations failed several times in a row: someone resuming the account's invitations. */
    FAILURES
  }

  /** The caller's id (the command's). */
  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ActionKind kind;

  /** As the caller gave it: a profile URL or a member id. */
  @Column(nullable = false)
  public String person;

  /** An invitation's note. */
  public String note;

  @Column(name = "allow_without_note", nullable = false)
  public boolean allowWithoutNote;

  /** A message's text. */
  public String text;

  /** A withdrawal's invitation. */
  @Column(name = "invitation_id")
  public UUID invitationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ActionStatus status;

  @Column(name = "status_reason")
  public String statusReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "held_for")
  public Hold heldFor;

  /** The slot it waits for. */
  @Column(name = "not_before", nullable = false)
  public Instant notBefore;

  /** When it took a slot of its kind: the limits count these. */
  @Column(name = "reserved_at")
  public Instant reservedAt;

  /** A Sales Navigator scraping drawn from the organization's pool. */
  @Column(name = "from_pool", nullable = false)
  public boolean fromPool;

  /** Tries LinkedIn could not answer (unreachable), for the back-off. */
  @Column(nullable = false)
  public int attempts;

  @Column(name = "failure_code")
  public String failureCode;

  @Column(name = "failure_message")
  public String failureMessage;

  /** For a COOLDOWN failure: when the person may be invited again. */
  @Column(name = "failure_until")
  public Instant failureUntil;

  /** What it came to, as JSON (see {@link ActionResult}). */
  public String result;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  /** The order it was queued in (the database numbers it): equal slots go first come first. */
  @Column(name = "queue_position", insertable = false, updatable = false)
  public Long queuePosition;

  /** Waits for a later slot, giving back any it had taken. */
  void requeue(Instant slot, String reason) {
    status = ActionStatus.QUEUED;
    statusReason = reason;
    notBefore = slot;
    reservedAt = null;
    fromPool = false;
    heldFor = null;
  }

  void hold(Hold hold, String reason) {
    status = ActionStatus.HELD;
    heldFor = hold;
    statusReason = reason;
    reservedAt = null;
    fromPool = false;
  }

  /** Takes its slot and starts. */
  void start(Instant now, boolean fromPool) {
    status = ActionStatus.RUNNING;
    statusReason = null;
    reservedAt = now;
    startedAt = now;
    this.fromPool = fromPool;
  }

  void done(Instant now, String result) {
    status = ActionStatus.DONE;
    finishedAt = now;
    this.result = result;
  }

  /**
   * Ends without doing its work; {@code slotUsed} false gives its slot back (nothing reached the
   * person, so it does not count against the limits).
   */
  void fail(Instant now, String code, String message, Instant until, boolean slotUsed) {
    status = ActionStatus.FAILED;
    statusReason = null;
    failureCode = code;
    failureMessage = message;
    failureUntil = until;
    finishedAt = now;
    if (!slotUsed) {
      reservedAt = null;
      fromPool = false;
    }
  }
}
