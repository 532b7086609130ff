package io.identities.linkedin.actions;

import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.schedule.WorkingHours.Window;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * When an identity's next action of a kind may run (spec "LinkedIn Settings → Rate Limits"): the
 * first instant inside its working hours, past its pacing gap and any back-off LinkedIn asked for,
 * at which the day's limit of that kind (ramped up for a new account), the weekly invitation cap
 * and, for Sales Navigator visits, its scrapings and its organization's pool still have room.
 * Decides only; reads and writes nothing.
 *
 * <p>Ramp-up: an account's daily limits start at 20 % on the day it was first connected and grow
 * linearly to 100 % over {@link ActionsConfig#rampUpDays()} days (0.20 + 0.80 d / 14, about
 * Funkel's published 0.20 + 0.06 d): a new account never jumps to its full volume, which is what
 * LinkedIn's automation detection punishes first, and a team still reaches its configured limit in
 * two weeks.
 */
@Singleton
public final class Slots {

  private static final int MOST_STEPS = 64;

  private final ActionsConfig config;

  public Slots(ActionsConfig config) {
    this.config = config;
  }

  /** Where an action of a kind stands now. */
  public sealed interface Slot {}

  /** It may run now; a Sales Navigator visit says whether it draws on the organization's pool. */
  public record Now(boolean fromPool) implements Slot {}

  /** It waits for {@code at}, because of {@code reason}. */
  public record Later(Instant at, String reason) implements Slot {}

  /** It waits for the account itself. */
  public record Held(Action.Hold hold, String reason) implements Slot {}

  public Slot next(ActionKind kind, LinkedInIdentity identity, Usage usage, Instant now) {
    if (identity.status != SessionStatus.CONNECTED) {
      return new Held(
          Action.Hold.SESSION,
          identity.status == SessionStatus.NOT_CONNECTED
              ? "no LinkedIn account is connected to the identity"
              : "the identity's LinkedIn session is disconnected");
    }
    if (identity.restrictedAt != null) {
      return new Held(
          Action.Hold.RESTRICTED, "LinkedIn restricted the account: everything waits for a person");
    }
    if (kind == ActionKind.INVITATION && identity.invitationsHeldAt != null) {
      return new Held(
          Action.Hold.FAILURES,
          "invitations failed "
              + identity.invitationFailures
              + " times in a row: new ones wait until someone resumes them");
    }
    Instant at = now;
    String reason = null;
    Duration longest = Duration.ZERO;
    for (int step = 0; step < MOST_STEPS; step++) {
      Optional<Later> later = firstConstraint(kind, identity, usage, at);
      if (later.isEmpty()) {
        break;
      }
      Duration wait = Duration.between(at, later.get().at());
      if (reason == null || wait.compareTo(longest) > 0) {
        reason = later.get().reason(); // the rule that holds it back longest says why
        longest = wait;
      }
      at = later.get().at();
    }
    return at.equals(now) ? new Now(drawsOnPool(identity, usage, now)) : new Later(at, reason);
  }

  /** The identity's daily limit of {@code kind} on its local {@code day}, ramped up. */
  public int dailyLimit(ActionKind kind, LinkedInIdentity identity, LocalDate day) {
    return switch (kind) {
      case INVITATION -> ramped(identity.dailyConnectionRequests, identity, day);
      case MESSAGE -> ramped(identity.dailyMessages, identity, day);
      case PROFILE_VISIT ->
          ramped(
              identity.salesNavigator ? ownScrapings(identity) : config.dailyProfileVisits(),
              identity,
              day);
      case WITHDRAWAL -> config.dailyWithdrawals(); // cleaning up is not what LinkedIn watches
    };
  }

  /** The share of its limits a new account may use on {@code day}: 1 after the ramp-up. */
  public double rampUp(LinkedInIdentity identity, LocalDate day) {
    RampUp ramp = rampUpOf(identity);
    return ramp == null ? 1 : ramp.share(day);
  }

  /** The account's ramp-up, from the local day it was first connected; null when unknown. */
  public RampUp rampUpOf(LinkedInIdentity identity) {
    return identity.rampUp(config.rampUpDays());
  }

  /** The limit times the ramp-up share, rounded up, in whole numbers (no rounding drift). */
  private int ramped(int limit, LinkedInIdentity identity, LocalDate day) {
    RampUp ramp = rampUpOf(identity);
    return ramp == null ? Math.max(0, limit) : ramp.limitOn(limit, day);
  }

  /** The first rule that keeps the action from running at {@code at}: the slot it points to. */
  private Optional<Later> firstConstraint(
      ActionKind kind, LinkedInIdentity identity, Usage usage, Instant at) {
    if (identity.throttledUntil != null && identity.throttledUntil.isAfter(at)) {
      return later(identity.throttledUntil, "LinkedIn asked the account to slow down");
    }
    Optional<Window> window = identity.workingHours().windowAt(at);
    if (window.isEmpty()) {
      return later(at.plus(Duration.ofDays(7)), "the identity has no working hours");
    }
    if (!window.get().active()) {
      return later(window.get().opensAt(), "outside the identity's working hours");
    }
    if (identity.nextActionAt != null && identity.nextActionAt.isAfter(at)) {
      return later(identity.nextActionAt, "paced: one action at a time, spread over the day");
    }
    ZoneId zone = zone(identity);
    LocalDate day = at.atZone(zone).toLocalDate();
    Instant tomorrow = day.plusDays(1).atStartOfDay(zone).toInstant();
    if (kind == ActionKind.PROFILE_VISIT && identity.salesNavigator) {
      LocalDate utcDay = at.atZone(ZoneOffset.UTC).toLocalDate();
      if (usage.ownScrapingsOn(day) >= dailyLimit(kind, identity, day)
          && usage.poolScrapingsOn(utcDay) >= usage.poolSize()) {
        Instant poolRefills = utcDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return later(
            poolRefills.isBefore(tomorrow) ? poolRefills : tomorrow,
            "today's scrapings are used up: the identity's own and its organization's pool");
      }
      return Optional.empty();
    }
    int limit = dailyLimit(kind, identity, day);
    if (usage.on(kind, day) >= limit) {
      return later(tomorrow, "today's limit of " + limit + " " + plural(kind) + " is reached");
    }
    if (kind == ActionKind.INVITATION) {
      if (identity.invitationsBlockedUntil != null
          && identity.invitationsBlockedUntil.isAfter(at)) {
        return later(identity.invitationsBlockedUntil, "LinkedIn's weekly invitation limit");
      }
      List<Instant> week = usage.invitationsInWeekBefore(at);
      int cap = config.weeklyInvitations();
      if (week.size() >= cap) {
        return later(
            week.get(week.size() - cap).plus(Usage.WEEK),
            cap + " invitations in the last 7 days, the weekly limit");
      }
    }
    return Optional.empty();
  }

  private boolean drawsOnPool(LinkedInIdentity identity, Usage usage, Instant now) {
    return identity.salesNavigator
        && usage.ownScrapingsOn(usage.today())
            >= dailyLimit(ActionKind.PROFILE_VISIT, identity, usage.today());
  }

  private static int ownScrapings(LinkedInIdentity identity) {
    return identity.dailyScrapings == null ? 0 : identity.dailyScrapings;
  }

  static ZoneId zone(LinkedInIdentity identity) {
    return ZoneId.of(identity.timeZone);
  }

  private static String plural(ActionKind kind) {
    return switch (kind) {
      case INVITATION -> "invitations";
      case MESSAGE -> "messages";
      case PROFILE_VISIT -> "profile visits";
      case WITHDRAWAL -> "withdrawals";
    };
  }

  private static Optional<Later> later(Instant at, String reason) {
    return Optional.of(new Later(at, reason));
  }
}
