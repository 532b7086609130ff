package io.identities.linkedin.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.LinkedInAccountRestricted;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.ActionRunner.CoolingDown;
import io.identities.linkedin.actions.ActionRunner.Done;
import io.identities.linkedin.actions.ActionRunner.Failed;
import io.identities.linkedin.actions.ActionRunner.Ran;
import io.identities.linkedin.actions.ActionRunner.Restricted;
import io.identities.linkedin.actions.ActionRunner.SessionExpired;
import io.identities.linkedin.actions.ActionRunner.Throttled;
import io.identities.linkedin.actions.ActionRunner.Unreachable;
import io.identities.linkedin.actions.ActionRunner.WeeklyLimitReached;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import io.identities.linkedin.invitations.InvitationCooldown;
import io.identities.linkedin.invitations.Invitations;
import io.identities.linkedin.linkedin.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records what a run came to, in one transaction with its events: done or failed, a person in
 * cooldown, LinkedIn's weekly limit, throttling (the whole account backs off, each time twice as
 * long), an expired session (disconnected, everything held), a restricted account (everything held,
 * linkedin.account.restricted), LinkedIn unreachable (tried again later).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ActionOutcomes {

  private static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private final Clock clock;
  private final ActionsConfig config;
  private final ActionEvents events;
  private final ConnectionService connections;
  private final Outbox outbox;
  private final TenantContext tenant;
  private final ObjectMapper json;
  private final Invitations invitations;

  ActionOutcomes(
      Clock clock,
      ActionsConfig config,
      ActionEvents events,
      ConnectionService connections,
      Outbox outbox,
      TenantContext tenant,
      ObjectMapper json,
      Invitations invitations) {
    this.clock = clock;
    this.config = config;
    this.events = events;
    this.connections = connections;
    this.outbox = outbox;
    this.tenant = tenant;
    this.json = json;
    this.invitations = invitations;
  }

  void record(UUID actionId, Ran ran) {
    Action action = Action.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
    if (action == null || action.status != ActionStatus.RUNNING) {
      return; // its identity was deleted meanwhile
    }
    LinkedInIdentity identity = LinkedInIdentity.findById(action.identityId);
    Instant now = clock.instant();
    if (ran.memberId() != null) {
      identity.memberId = ran.memberId();
    }
    if (ran.noteQuotaReached()) {
      LocalDate month = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
      identity.noteQuotaUntil = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    ActionRunner.Outcome outcome = ran.outcome();
    if (action.kind == ActionKind.INVITATION) {
      countInvitationOutcome(identity, outcome);
    }
    if (outcome instanceof Done done) {
      action.done(now, write(done.result()));
      identity.throttleStrikes = 0;
      done(action, identity, done.result(), now);
    } else if (outcome instanceof Failed failed) {
      action.fail(now, failed.code(), failed.message(), null, failed.slotUsed());
      identity.throttleStrikes = 0;
      if (action.kind == ActionKind.WITHDRAWAL) {
        invitations.gone(action.invitationId);
      }
      events.failed(action);
    } else if (outcome instanceof CoolingDown cooling) {
      coolDown(action, identity, cooling, now);
    } else if (outcome instanceof WeeklyLimitReached weekly) {
      Instant until = weekRollsOver(identity, now);
      identity.invitationsBlockedUntil = until;
      requeue(action, identity, until, "LinkedIn's weekly invitation limit: " + weekly.message());
    } else if (outcome instanceof Throttled) {
      identity.throttleStrikes++;
      identity.throttledUntil = now.plus(throttleBackOff(identity.throttleStrikes));
      requeue(action, identity, identity.throttledUntil, "LinkedIn asked the account to slow down");
    } else if (outcome instanceof SessionExpired) {
      action.hold(Action.Hold.SESSION, "LinkedIn no longer accepts the identity's session");
      if (identity.status == SessionStatus.CONNECTED) {
        connections.end(identity, LinkedInSessionDisconnected.EXPIRED);
      }
    } else if (outcome instanceof Restricted restricted) {
      restrict(action, identity, restricted, now);
    } else if (outcome instanceof Unreachable unreachable) {
      action.attempts++;
      Duration backOff = Duration.ofMinutes(1L << Math.min(action.attempts - 1, 6));
      requeue(
          action,
          identity,
          now.plus(backOff.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : backOff),
          "LinkedIn could not be reached: " + unreachable.message());
    }
  }

  /**
   * The circuit breaker: a refusal that is not about the person (an unknown code, CANT_RESEND_YET,
   * throttling) counts; past the configured number in a row, the account's invitations are held.
   * One that went through starts the count again.
   */
  private void countInvitationOutcome(LinkedInIdentity identity, ActionRunner.Outcome outcome) {
    if (outcome instanceof Done) {
      identity.invitationFailures = 0;
      return;
    }
    boolean counts =
        outcome instanceof CoolingDown
            || outcome instanceof Throttled
            || outcome instanceof Failed failed
                && !ActionRunner.ABOUT_THE_PERSON.contains(failed.code());
    if (!counts) {
      return;
    }
    identity.invitationFailures++;
    if (identity.invitationsHeldAt == null
        && identity.invitationFailures >= config.invitationFailuresBeforeHold()) {
      identity.invitationsHeldAt = clock.instant();
      Action.update(
          "status = ?1, heldFor = ?2, statusReason = ?3"
              + " where identityId = ?4 and status = ?5 and kind = ?6",
          ActionStatus.HELD,
          Action.Hold.FAILURES,
          "invitations failed "
              + identity.invitationFailures
              + " times in a row: they wait until someone resumes them",
          identity.identityId,
          ActionStatus.QUEUED,
          ActionKind.INVITATION);
    }
  }

  /** What a done action leaves: an invitation to follow, a withdrawal recorded, its event. */
  private void done(Action action, LinkedInIdentity identity, ActionResult result, Instant now) {
    switch (action.kind) {
      case WITHDRAWAL -> invitations.withdrawn(action.invitationId, now);
      case INVITATION -> {
        invitations.sent(
            action.id,
            identity.identityId,
            result.linkedInInvitationId(),
            new Invitations.Invitee(
                result.person().memberId(),
                People.publicIdentifier(result.person().profileUrl()).orElse(null),
                result.person().firstName(),
                result.person().lastName()),
            Boolean.TRUE.equals(result.noteSent()) ? action.note : null,
            now);
        events.done(action, result, false);
      }
      default ->
          events.done(
              action, result, action.kind == ActionKind.PROFILE_VISIT && identity.salesNavigator);
    }
  }

  /** Waits for {@code at}, and at least for the pacing gap the run started. */
  private static void requeue(Action action, LinkedInIdentity identity, Instant at, String reason) {
    action.requeue(
        identity.nextActionAt != null && identity.nextActionAt.isAfter(at)
            ? identity.nextActionAt
            : at,
        reason);
  }

  private void coolDown(
      Action action, LinkedInIdentity identity, CoolingDown cooling, Instant now) {
    Instant ends = now.plus(InvitationCooldown.AFTER_WITHDRAWAL);
    String reason = "LinkedIn does not take a new invitation to this person yet (CANT_RESEND_YET)";
    InvitationCooldown.start(
        identity.identityId,
        cooling.person().memberId(),
        cooling.person().publicIdentifier(),
        ends,
        reason);
    action.fail(now, ActionService.COOLDOWN, reason, ends, false);
    events.failed(action);
  }

  /** Everything of the account stops until someone has looked at it; an event says so. */
  private void restrict(
      Action action, LinkedInIdentity identity, Restricted restricted, Instant now) {
    String reason = "LinkedIn restricted the account";
    action.hold(Action.Hold.RESTRICTED, reason);
    if (identity.restrictedAt == null) {
      identity.restrictedAt = now;
      ActionService.holdAll(identity.identityId, Action.Hold.RESTRICTED, reason);
      outbox.publishEvent(
          EventTypes.LINKEDIN_ACCOUNT_RESTRICTED,
          tenant.orgId(),
          identity.identityId,
          new LinkedInAccountRestricted(identity.identityId, restricted.message()));
    }
  }

  /** Doubles with each throttling in a row, up to the longest, varied by up to 20 %. */
  private Duration throttleBackOff(int strikes) {
    Duration backOff = config.throttleBackOff().multipliedBy(1L << Math.min(strikes - 1, 16));
    if (backOff.compareTo(config.longestThrottleBackOff()) > 0) {
      backOff = config.longestThrottleBackOff();
    }
    return Duration.ofMillis(
        (long) (backOff.toMillis() * (1 + 0.2 * ThreadLocalRandom.current().nextDouble())));
  }

  /**
   * When LinkedIn's rolling week lets a new invitation through: a week after the oldest of the
   * account's invitations of the last 7 days, or a week from now when none is known.
   */
  private static Instant weekRollsOver(LinkedInIdentity identity, Instant now) {
    List<Instant> sent =
        Action.<Action>find(
                "identityId = ?1 and kind = ?2 and reservedAt > ?3 order by reservedAt",
                identity.identityId,
                ActionKind.INVITATION,
                now.minus(Usage.WEEK))
            .list()
            .stream()
            .map(action -> action.reservedAt)
            .toList();
    return sent.isEmpty() ? now.plus(Usage.WEEK) : sent.get(0).plus(Usage.WEEK);
  }

  private String write(ActionResult result) {
    try {
      return json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
