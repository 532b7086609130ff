package io.identities.linkedin.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.identities.linkedin.actions.Slots.Held;
import io.identities.linkedin.actions.Slots.Later;
import io.identities.linkedin.actions.Slots.Slot;
import io.identities.linkedin.domain.LinkedInIdentity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What an account has used of its limits today (its local day) and this week, its ramp-up step, and
 * when each kind of action could run next.
 *
 * @param rampUp null once the account's ramp-up is over
 * @param scrapings for a Sales Navigator account: its own scrapings and its organization's pool
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountUsage(
    Count invitationsToday,
    Count messagesToday,
    Count profileVisitsToday,
    Scrapings scrapings,
    Count invitationsThisWeek,
    RampUp rampUp,
    NextSlots nextSlot) {

  /** Used of a limit. */
  public record Count(int used, int limit) {}

  /** A Sales Navigator account's scrapings today: its own, and its organization's pool (UTC). */
  public record Scrapings(Count own, Count organizationPool) {}

  /** Day {@code day} (0 the first) of {@code days}: the share of the limits it may use. */
  public record RampUp(long day, int days, int percent) {}

  /**
   * When an action of each kind could run next: now, a later slot, or null while the account is
   * held.
   */
  public record NextSlots(Instant invitation, Instant message, Instant profileVisit) {}

  static AccountUsage of(
      LinkedInIdentity identity, Usage usage, Slots slots, ActionsConfig config, Instant now) {
    LocalDate today = usage.today();
    double share = slots.rampUp(identity, today);
    return new AccountUsage(
        count(ActionKind.INVITATION, identity, usage, slots),
        count(ActionKind.MESSAGE, identity, usage, slots),
        count(ActionKind.PROFILE_VISIT, identity, usage, slots),
        identity.salesNavigator
            ? new Scrapings(
                new Count(
                    usage.ownScrapingsOn(today),
                    slots.dailyLimit(ActionKind.PROFILE_VISIT, identity, today)),
                new Count(
                    usage.poolScrapingsOn(now.atZone(ZoneOffset.UTC).toLocalDate()),
                    usage.poolSize()))
            : null,
        new Count(usage.invitationsInWeekBefore(now).size(), config.weeklyInvitations()),
        share >= 1
            ? null
            : new RampUp(
                slots.rampUpOf(identity).dayOf(today),
                config.rampUpDays(),
                (int) Math.round(share * 100)),
        new NextSlots(
            at(slots.next(ActionKind.INVITATION, identity, usage, now), now),
            at(slots.next(ActionKind.MESSAGE, identity, usage, now), now),
            at(slots.next(ActionKind.PROFILE_VISIT, identity, usage, now), now)));
  }

  private static Count count(ActionKind kind, LinkedInIdentity identity, Usage usage, Slots slots) {
    return new Count(
        usage.on(kind, usage.today()), slots.dailyLimit(kind, identity, usage.today()));
  }

  private static Instant at(Slot slot, Instant now) {
    if (slot instanceof Later later) {
      return later.at();
    }
    return slot instanceof Held ? null : now;
  }
}
