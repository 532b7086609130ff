package io.identities.linkedin.actions;

import io.identities.linkedin.actions.ActionResult.PersonProfile;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedIn.Person;
import io.identities.linkedin.linkedin.LinkedIn.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Does a started action on LinkedIn, outside any transaction, and says what it came to in the
 * product's terms (spec "LinkedIn Settings"; issue #10 item 8): the person is looked up first, so a
 * message to someone who is not a 1st-degree connection, or an invitation to a connection or to
 * someone already invited, fails without anything being sent; LinkedIn's refusals become reasons a
 * user can act on. The rules never see HTTP: only the {@link LinkedIn} port.
 */
@ApplicationScoped
class ActionRunner {

  static final String NOT_CONNECTED = "NOT_CONNECTED";
  static final String ALREADY_CONNECTED = "ALREADY_CONNECTED";
  static final String ALREADY_INVITED = "ALREADY_INVITED";
  static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";
  static final String CANT_RESEND_YET = "CANT_RESEND_YET";
  static final String NOTE_QUOTA = "CUSTOM_INVITE_LIMIT_REACHED";
  static final String WEEKLY_LIMIT = "FUSE_LIMIT_EXCEEDED";
  static final String INVITATION_GONE = "INVITATION_GONE";

  /** Failures about the person, not the account: they never trip the circuit breaker. */
  static final Set<String> ABOUT_THE_PERSON =
      Set.of(
          NOT_CONNECTED,
          ALREADY_CONNECTED,
          ALREADY_INVITED,
          PERSON_NOT_FOUND,
          NOTE_QUOTA,
          "CANT_INVITE",
          ActionService.COOLDOWN);

  /** A started action and what doing it needs: the account's session, its way to LinkedIn. */
  record Job(
      UUID actionId,
      ActionKind kind,
      String person,
      String note,
      boolean allowWithoutNote,
      String text,
      boolean retried,
      LinkedIn linkedIn,
      LinkedIn.Session session,
      boolean salesNavigator,
      String memberId,
      boolean noteQuotaUsedUp,
      Withdrawn withdrawn) {}

  /** A withdrawal's invitation, as LinkedIn knows it (its shared secret, once listed). */
  record Withdrawn(String linkedInId, String sharedSecret) {}

  /** What an action came to. */
  sealed interface Outcome {}

  record Done(ActionResult result) implements Outcome {}

  /** Ended without its work; {@code slotUsed} false when nothing reached the person. */
  record Failed(String code, String message, boolean slotUsed) implements Outcome {}

  /** LinkedIn will not take a new invitation to the person yet (the 3-week rule). */
  record CoolingDown(Person person, String message) implements Outcome {}

  /** LinkedIn's weekly invitation limit is reached: invitations wait for the week to roll on. */
  record WeeklyLimitReached(String message) implements Outcome {}

  record Throttled() implements Outcome {}

  record SessionExpired() implements Outcome {}

  record Restricted(String message) implements Outcome {}

  /** LinkedIn could not be reached: tried again later. */
  record Unreachable(String message) implements Outcome {}

  /** An outcome, and what was learnt of the account on the way. */
  record Ran(Outcome outcome, String memberId, boolean noteQuotaReached) {}

  Ran run(Job job) {
    String memberId = job.memberId();
    Outcome outcome;
    boolean[] noteQuotaReached = {false};
    try {
      if (memberId == null && job.kind() == ActionKind.MESSAGE) {
        memberId = job.linkedIn().profile(job.session()).memberId(); // sessions of old versions
      }
      if (job.kind() == ActionKind.WITHDRAWAL) {
        outcome = withdraw(job);
      } else {
        Person person = job.linkedIn().person(job.session(), job.person());
        outcome =
            switch (job.kind()) {
              case PROFILE_VISIT -> visit(job, person);
              case MESSAGE -> message(job, memberId, person);
              default -> invite(job, person, noteQuotaReached);
            };
      }
    } catch (RefusedException e) {
      outcome =
          RefusedException.NOT_FOUND.equals(e.code())
              ? new Failed(PERSON_NOT_FOUND, "LinkedIn knows no such profile", false)
              : new Failed(e.code(), e.getMessage(), false);
    } catch (LinkedIn.SessionExpiredException e) {
      outcome = new SessionExpired();
    } catch (LinkedIn.ThrottledException e) {
      outcome = new Throttled();
    } catch (LinkedIn.RestrictedException e) {
      outcome = new Restricted(e.getMessage());
    } catch (LinkedIn.UnavailableException e) {
      outcome = new Unreachable(e.getMessage());
    }
    return new Ran(outcome, memberId, noteQuotaReached[0]);
  }

  /** Reads the profile; through Sales Navigator when the account has it (a scraping). */
  private static Outcome visit(Job job, Person person) {
    Person read = job.salesNavigator() ? job.linkedIn().lead(job.session(), person) : person;
    return new Done(new ActionResult(PersonProfile.of(read), null, null, null));
  }

  /** Withdraws the invitation; one LinkedIn no longer lists as pending is gone already. */
  private static Outcome withdraw(Job job) {
    Withdrawn invitation = job.withdrawn();
    String secret = invitation.sharedSecret();
    if (secret == null && invitation.linkedInId() != null) {
      secret =
          job.linkedIn().sentInvitations(job.session()).stream()
              .filter(pending -> invitation.linkedInId().equals(pending.invitationId()))
              .map(LinkedIn.SentInvitation::sharedSecret)
              .findFirst()
              .orElse(null);
    }
    if (secret == null
        || !job.linkedIn().withdraw(job.session(), invitation.linkedInId(), secret)) {
      return new Failed(INVITATION_GONE, "LinkedIn has no such pending invitation any more", false);
    }
    return new Done(new ActionResult(null, invitation.linkedInId(), null, null));
  }

  private static Outcome message(Job job, String memberId, Person person) {
    if (person.degree() == null || person.degree() != 1) {
      return new Failed(
          NOT_CONNECTED, "not a 1st-degree connection of the account: nothing was sent", false);
    }
    String id =
        job.linkedIn()
            .message(job.session(), memberId, person, job.text(), job.actionId().toString());
    return new Done(new ActionResult(PersonProfile.of(person), null, null, id));
  }

  private static Outcome invite(Job job, Person person, boolean[] noteQuotaReached) {
    if (person.degree() != null && person.degree() <= 1) {
      return new Failed(ALREADY_CONNECTED, "already a 1st-degree connection", false);
    }
    if (person.invitationPending()) {
      return job.retried() // its first run was cut off after LinkedIn took the invitation
          ? new Done(new ActionResult(PersonProfile.of(person), null, job.note() != null, null))
          : new Failed(ALREADY_INVITED, "an invitation to this person is pending", false);
    }
    String note = job.note();
    if (note != null && job.noteQuotaUsedUp()) {
      if (!job.allowWithoutNote()) {
        return new Failed(
            NOTE_QUOTA, "the account's personalized invitations for this month are used up", false);
      }
      note = null;
    }
    try {
      return sent(job, person, note);
    } catch (RefusedException e) {
      switch (e.code()) {
        case NOTE_QUOTA -> {
          noteQuotaReached[0] = true;
          if (job.allowWithoutNote() && note != null) {
            return sent(job, person, null);
          }
          return new Failed(NOTE_QUOTA, e.getMessage(), false);
        }
        case CANT_RESEND_YET -> {
          return new CoolingDown(person, e.getMessage());
        }
        case WEEKLY_LIMIT -> {
          return new WeeklyLimitReached(e.getMessage());
        }
        default -> throw e;
      }
    }
  }

  private static Outcome sent(Job job, Person person, String note) {
    String invitation = job.linkedIn().invite(job.session(), person, note);
    return new Done(new ActionResult(PersonProfile.of(person), invitation, note != null, null));
  }
}
