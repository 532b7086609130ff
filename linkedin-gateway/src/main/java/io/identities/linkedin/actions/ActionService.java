package io.identities.linkedin.actions;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionChanged;
import io.identities.linkedin.domain.SessionStatus;
import io.identities.linkedin.invitations.InvitationCooldown;
import io.identities.linkedin.linkedin.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes actions in (from the commands or the API), checks them whole before anything is recorded,
 * and queues them for the {@link ActionScheduler}; holds an account's actions while its session is
 * not connected and releases them when it is again. The action's id is the caller's: the same id
 * twice is one action.
 */
@ApplicationScoped
@Transactional
public class ActionService {

  /** LinkedIn's limit on an invitation's note. */
  public static final int MAX_NOTE_LENGTH = 300;

  /** LinkedIn's limit on a message. */
  public static final int MAX_TEXT_LENGTH = 8000;

  static final String COOLDOWN = "COOLDOWN";
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

  private final Clock clock;
  private final ActionEvents events;
  private final Event<ActionQueued> queued;
  private final Usages usages;
  private final Slots slots;
  private final ActionsConfig config;

  ActionService(
      Clock clock,
      ActionEvents events,
      Event<ActionQueued> queued,
      Usages usages,
      Slots slots,
      ActionsConfig config) {
    this.clock = clock;
    this.events = events;
    this.queued = queued;
    this.usages = usages;
    this.slots = slots;
    this.config = config;
  }

  /** Fired when a transaction queued an action, so idle workers start right after commit. */
  public record ActionQueued() {}

  /**
   * An action as asked for: its kind, the person, and the note or text it carries; a withdrawal
   * names its invitation.
   */
  public record Request(
      UUID identityId,
      ActionKind kind,
      String person,
      String note,
      boolean allowWithoutNote,
      String text,
      UUID invitationId) {}

  /** What {@link #enqueue} did: a new action, or the one an earlier identical request made. */
  public record Enqueued(Action action, boolean created) {}

  public Enqueued enqueue(UUID id, Request request) {
    Action existing = Action.findById(id);
    if (existing != null) {
      if (!existing.identityId.equals(request.identityId())) {
        throw ProblemException.conflict("Action " + id + " exists for another identity");
      }
      return new Enqueued(existing, false);
    }
    check(request);
    // FOR SHARE: a session ending or a restriction (which lock the row to hold the account's
    // actions) waits for this action, or this sees the account as it is after them
    LinkedInIdentity identity =
        LinkedInIdentity.<LinkedInIdentity>findByIdOptional(
                request.identityId(), LockModeType.PESSIMISTIC_READ)
            .orElseThrow(() -> ProblemException.notFound("Identity", request.identityId()));
    Instant now = clock.instant();
    Action action = new Action();
    action.id = id;
    action.identityId = identity.identityId;
    action.kind = request.kind();
    action.person = request.person().strip();
    action.note = request.note();
    action.allowWithoutNote = request.allowWithoutNote();
    action.text = request.text();
    action.invitationId = request.invitationId();
    action.createdAt = now;
    action.requeue(now, null);
    if (identity.status != SessionStatus.CONNECTED) {
      action.hold(Action.Hold.SESSION, "the identity's LinkedIn session is not connected");
    } else if (identity.restrictedAt != null) {
      action.hold(Action.Hold.RESTRICTED, "LinkedIn restricted the account");
    }
    action.persist();
    if (action.kind == ActionKind.INVITATION) {
      refuseDuringCooldown(action, now);
    }
    queued.fire(new ActionQueued());
    return new Enqueued(action, true);
  }

  public Action action(UUID identityId, UUID actionId) {
    return Action.<Action>find("id = ?1 and identityId = ?2", actionId, identityId)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Action", actionId));
  }

  /** When a queued action runs, and why not sooner. */
  public record Waiting(Instant notBefore, String reason) {}

  /**
   * When a queued action will run and why not sooner: the slot it was given, or, while it waits its
   * turn behind the account's earlier actions, the slot the account's pacing and limits give it
   * now.
   */
  public Waiting waiting(Action action) {
    Instant now = clock.instant();
    if (action.notBefore.isAfter(now)) {
      return new Waiting(action.notBefore, action.statusReason);
    }
    LinkedInIdentity identity = LinkedInIdentity.findById(action.identityId);
    return slots.next(action.kind, identity, usages.of(identity, now, false), now)
            instanceof Slots.Later later
        ? new Waiting(later.at(), later.reason())
        : new Waiting(now, "its turn comes: the account does one action at a time");
  }

  /** What the identity's account has used of its limits, and its next slots. */
  public AccountUsage usage(LinkedInIdentity identity) {
    Instant now = clock.instant();
    return AccountUsage.of(identity, usages.of(identity, now, false), slots, config, now);
  }

  /**
   * The 3-week rule: an invitation to a person in cooldown fails at once, saying until when. The
   * cooldown counts from the withdrawal: one done, or one asked for and not done yet (its slot is
   * when it will be), so an invitation asked right after a withdrawal never reaches LinkedIn to be
   * refused.
   */
  private void refuseDuringCooldown(Action action, Instant now) {
    String memberId = People.isMemberId(action.person) ? action.person : null;
    String name = People.publicIdentifier(action.person).orElse(null);
    InvitationCooldown.running(action.identityId, memberId, name, now)
        .map(cooldown -> new Cooldown(cooldown.endsAt, cooldown.reason))
        .or(() -> withdrawalUnderway(action.identityId, memberId, name, now))
        .ifPresent(
            cooldown -> {
              action.fail(now, COOLDOWN, cooldown.reason(), cooldown.until(), false);
              events.failed(action);
            });
  }

  private record Cooldown(Instant until, String reason) {}

  /** The cooldown of a withdrawal asked for an invitation to the person, not done yet. */
  private Optional<Cooldown> withdrawalUnderway(
      UUID identityId, String memberId, String name, Instant now) {
    return Action.<Action>find(
            "identityId = ?1 and kind = ?2 and status in ?3 and invitationId in (select i.id from"
                + " Invitation i where i.memberId = ?4 or i.publicIdentifier = ?5)",
            identityId,
            ActionKind.WITHDRAWAL,
            List.of(ActionStatus.QUEUED, ActionStatus.RUNNING, ActionStatus.HELD),
            memberId == null ? "" : memberId,
            name == null ? "" : name)
        .firstResultOptional()
        .map(
            withdrawal -> {
              Instant at =
                  withdrawal.status == ActionStatus.QUEUED ? waiting(withdrawal).notBefore() : now;
              return new Cooldown(
                  at.plus(InvitationCooldown.AFTER_WITHDRAWAL),
                  "an invitation to this person is being withdrawn (at "
                      + at
                      + "); LinkedIn refuses a new one for 3 weeks after");
            });
  }

  /**
   * Holds the account's waiting actions while its session is not connected; releases them after.
   */
  void sessionChanged(@Observes SessionChanged change) {
    if (change.connected()) {
      release(change.identityId(), List.of(Action.Hold.SESSION, Action.Hold.RESTRICTED));
    } else {
      holdAll(change.identityId(), Action.Hold.SESSION, "the identity's LinkedIn session ended");
    }
  }

  /**
   * Resumes the account's invitations after the circuit breaker held them: someone has looked at
   * the account.
   */
  public void resumeInvitations(UUID identityId) {
    LinkedInIdentity identity =
        LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
            .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
    identity.invitationsHeldAt = null;
    identity.invitationFailures = 0;
    release(identityId, List.of(Action.Hold.FAILURES));
  }

  /**
   * Resumes an account LinkedIn had restricted, once someone has looked at it (LinkedIn lifts most
   * restrictions after a week): its held actions are queued again.
   */
  public void resumeAfterRestriction(UUID identityId) {
    LinkedInIdentity identity =
        LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
            .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
    identity.restrictedAt = null;
    release(identityId, List.of(Action.Hold.RESTRICTED));
  }

  private void release(UUID identityId, List<Action.Hold> holds) {
    Action.update(
        "status = ?1, statusReason = null, heldFor = null, notBefore = ?2"
            + " where identityId = ?3 and status = ?4 and heldFor in ?5",
        ActionStatus.QUEUED,
        clock.instant(),
        identityId,
        ActionStatus.HELD,
        holds);
    queued.fire(new ActionQueued());
  }

  /**
   * Holds every waiting action of the identity, under a lock on its row: an action being queued
   * meanwhile is held too (see {@link #enqueue}).
   */
  static void holdAll(UUID identityId, Action.Hold hold, String reason) {
    LinkedInIdentity.findById(identityId, LockModeType.PESSIMISTIC_WRITE);
    Action.update(
        "status = ?1, heldFor = ?2, statusReason = ?3 where identityId = ?4 and status = ?5",
        ActionStatus.HELD,
        hold,
        reason,
        identityId,
        ActionStatus.QUEUED);
  }

  /**
   * Characters as LinkedIn counts them in a note or a message: Unicode code points, so an emoji is
   * one (Java's {@code length()} counts the two UTF-16 units most emoji take).
   */
  private static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Refuses an action that could not be done as given. */
  private static void check(Request request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request.kind() == null) {
      errors.add(
          new Problem.FieldError(
              "type",
              "must be one of linkedin.invitation.send, linkedin.message.send,"
                  + " linkedin.profile.visit"));
    }
    if (request.identityId() == null) {
      errors.add(new Problem.FieldError("identityId", "must not be null"));
    }
    if (request.person() == null || !People.isPerson(request.person())) {
      errors.add(
          new Problem.FieldError(
              "person",
              "must be a LinkedIn profile URL (https://www.linkedin.com/in/<name>) or member id"));
    }
    ActionKind kind = request.kind();
    if (request.note() != null && kind != ActionKind.INVITATION) {
      errors.add(new Problem.FieldError("note", "only an invitation carries a note"));
    } else if (request.note() != null && characters(request.note()) > MAX_NOTE_LENGTH) {
      errors.add(
          new Problem.FieldError(
              "note",
              "must be at most "
                  + MAX_NOTE_LENGTH
                  + " characters (LinkedIn's limit); it has "
                  + characters(request.note())));
    } else if (request.note() != null && CONTROL.matcher(request.note()).find()) {
      errors.add(new Problem.FieldError("note", "must not contain control characters"));
    }
    if (kind == ActionKind.MESSAGE) {
      if (request.text() == null || request.text().isBlank()) {
        errors.add(new Problem.FieldError("text", "a message needs a text"));
      } else if (characters(request.text()) > MAX_TEXT_LENGTH) {
        errors.add(
            new Problem.FieldError("text", "must be at most " + MAX_TEXT_LENGTH + " characters"));
      } else if (CONTROL.matcher(request.text()).find()) {
        errors.add(new Problem.FieldError("text", "must not contain control characters"));
      }
    } else if (request.text() != null) {
      errors.add(new Problem.FieldError("text", "only a message carries a text"));
    }
    if (request.allowWithoutNote() && kind != ActionKind.INVITATION) {
      errors.add(new Problem.FieldError("allowWithoutNote", "only for an invitation"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Status.BAD_REQUEST, "Invalid action", "The action cannot be done as given", errors);
    }
  }
}
