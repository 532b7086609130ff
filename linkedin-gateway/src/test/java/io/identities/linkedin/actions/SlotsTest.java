package io.identities.linkedin.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.schedule.WorkingHours;
import io.identities.linkedin.actions.Slots.Held;
import io.identities.linkedin.actions.Slots.Later;
import io.identities.linkedin.actions.Slots.Now;
import io.identities.linkedin.actions.Slots.Slot;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.SessionStatus;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The slot rules alone: limits, ramp-up, weekly cap, pool, working hours, pacing. */
class SlotsTest {

  private static final Instant MONDAY_10_MADRID = Instant.parse("2026-11-30T09:00:00Z");

  private final Slots slots = new Slots(config());

  @Test
  void shouldWaitForTheNextWorkingWindowOnceTheDailyLimitIsReached() {
    LinkedInIdentity identity = identity();
    Usage usage = usage(MONDAY_10_MADRID, invitations(MONDAY_10_MADRID.minusSeconds(60), 20));

    Slot slot = slots.next(ActionKind.INVITATION, identity, usage, MONDAY_10_MADRID);

    Later later = assertInstanceOf(Later.class, slot);
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), later.at(), "Tuesday 09:00 in Madrid");
    assertTrue(later.reason().contains("limit of 20 invitations"), later.reason());
    assertInstanceOf(Now.class, slots.next(ActionKind.MESSAGE, identity, usage, MONDAY_10_MADRID));
    identity.nextActionAt = MONDAY_10_MADRID.plusSeconds(300);
    Later paced =
        assertInstanceOf(
            Later.class, slots.next(ActionKind.INVITATION, identity, usage, MONDAY_10_MADRID));
    assertEquals(later.at(), paced.at());
    assertEquals(later.reason(), paced.reason(), "the rule holding it back longest says why");
  }

  @Test
  void shouldKeepTheLocalHoursAcrossADaylightSavingChange() {
    LinkedInIdentity identity = identity();
    Instant fridayEvening = Instant.parse("2027-03-26T17:30:00Z"); // 18:30 CET, after hours

    Later later =
        assertInstanceOf(
            Later.class,
            slots.next(
                ActionKind.MESSAGE, identity, usage(fridayEvening, List.of()), fridayEvening));

    assertEquals(Instant.parse("2027-03-29T07:00:00Z"), later.at(), "Monday 09:00 CEST");
  }

  @Test
  void shouldRampANewAccountFromAFifthToItsLimitOverTwoWeeks() {
    LinkedInIdentity identity = identity();
    identity.firstConnectedAt = MONDAY_10_MADRID;
    LocalDate day = LocalDate.parse("2026-11-30");

    assertEquals(4, slots.dailyLimit(ActionKind.INVITATION, identity, day));
    assertEquals(20, slots.dailyLimit(ActionKind.MESSAGE, identity, day));
    assertEquals(12, slots.dailyLimit(ActionKind.INVITATION, identity, day.plusDays(7)));
    assertEquals(20, slots.dailyLimit(ActionKind.INVITATION, identity, day.plusDays(14)));
    int previous = 0;
    for (int d = 0; d <= 14; d++) {
      int limit = slots.dailyLimit(ActionKind.INVITATION, identity, day.plusDays(d));
      assertTrue(limit >= previous, "never falls back");
      previous = limit;
    }
  }

  @Test
  void shouldHoldTheWeeklyCapOverARollingWeek() {
    LinkedInIdentity identity = identity();
    identity.dailyConnectionRequests = 100;
    List<Usage.Reservation> week = new ArrayList<>();
    for (int day = 6; day >= 1; day--) { // 6 days of 17: 102 in the last 7 days
      week.addAll(invitations(MONDAY_10_MADRID.minus(Duration.ofDays(day)), 17));
    }

    Later later =
        assertInstanceOf(
            Later.class,
            slots.next(
                ActionKind.INVITATION, identity, usage(MONDAY_10_MADRID, week), MONDAY_10_MADRID));

    // the 3rd oldest of the 102 leaves the window: then 99 are left
    Instant thirdOldest = MONDAY_10_MADRID.minus(Duration.ofDays(6)).plusSeconds(2);
    assertEquals(thirdOldest.plus(Duration.ofDays(7)), later.at());
  }

  @Test
  void shouldDrawSalesNavigatorScrapingsFromTheOwnBudgetThenThePool() {
    LinkedInIdentity identity = identity();
    identity.salesNavigator = true;
    identity.dailyScrapings = 2;
    Instant now = MONDAY_10_MADRID;
    List<Usage.Reservation> two =
        List.of(
            new Usage.Reservation(ActionKind.PROFILE_VISIT, now.minusSeconds(20), false),
            new Usage.Reservation(ActionKind.PROFILE_VISIT, now.minusSeconds(10), false));

    assertEquals(
        new Now(false),
        slots.next(
            ActionKind.PROFILE_VISIT, identity, new Usage(now, zone(), List.of(), 0, 5), now));
    assertEquals(
        new Now(true),
        slots.next(ActionKind.PROFILE_VISIT, identity, new Usage(now, zone(), two, 4, 5), now));
    Later later =
        assertInstanceOf(
            Later.class,
            slots.next(ActionKind.PROFILE_VISIT, identity, new Usage(now, zone(), two, 5, 5), now));
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), later.at(), "Tuesday 09:00 in Madrid");
    assertTrue(later.reason().contains("scrapings are used up"), later.reason());
  }

  @Test
  void shouldHoldEverythingWhileTheSessionIsDisconnectedOrRestricted() {
    LinkedInIdentity identity = identity();
    identity.status = SessionStatus.DISCONNECTED;
    assertEquals(
        Action.Hold.SESSION,
        assertInstanceOf(
                Held.class,
                slots.next(
                    ActionKind.MESSAGE,
                    identity,
                    usage(MONDAY_10_MADRID, List.of()),
                    MONDAY_10_MADRID))
            .hold());
    identity.status = SessionStatus.CONNECTED;
    identity.restrictedAt = MONDAY_10_MADRID;
    assertEquals(
        Action.Hold.RESTRICTED,
        assertInstanceOf(
                Held.class,
                slots.next(
                    ActionKind.MESSAGE,
                    identity,
                    usage(MONDAY_10_MADRID, List.of()),
                    MONDAY_10_MADRID))
            .hold());
  }

  @Test
  void shouldWaitForThePacingGapAndAnyThrottlingBackOff() {
    LinkedInIdentity identity = identity();
    identity.nextActionAt = MONDAY_10_MADRID.plusSeconds(150);
    assertEquals(
        identity.nextActionAt,
        ((Later)
                slots.next(
                    ActionKind.MESSAGE,
                    identity,
                    usage(MONDAY_10_MADRID, List.of()),
                    MONDAY_10_MADRID))
            .at());
    identity.throttledUntil = MONDAY_10_MADRID.plusSeconds(900);
    assertEquals(
        identity.throttledUntil,
        ((Later)
                slots.next(
                    ActionKind.MESSAGE,
                    identity,
                    usage(MONDAY_10_MADRID, List.of()),
                    MONDAY_10_MADRID))
            .at());
  }

  @Test
  void shouldSpreadADayOverTheWindowNeverUnderTheMinimumGap() {
    Pacing pacing = new Pacing(Duration.ofMinutes(2), Duration.ofMinutes(15), new Random(7));
    for (int i = 0; i < 1_000; i++) {
      Duration busy = pacing.gapAfter(Duration.ofHours(8), 500);
      assertTrue(busy.compareTo(Duration.ofMinutes(2)) >= 0, "never under the minimum");
      assertTrue(busy.compareTo(Duration.ofSeconds(150)) <= 0, "a full day: near the minimum");
      Duration spread = pacing.gapAfter(Duration.ofHours(8), 40);
      assertTrue(spread.compareTo(Duration.ofMinutes(9)) >= 0, spread.toString()); // 12 min -25 %
      assertTrue(spread.compareTo(Duration.ofMinutes(15)) <= 0, spread.toString());
      Duration light = pacing.gapAfter(Duration.ofHours(8), 1);
      assertTrue(light.compareTo(Duration.ofMinutes(19)) < 0, "a light day never waits hours");
    }
  }

  private static List<Usage.Reservation> invitations(Instant from, int count) {
    List<Usage.Reservation> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(new Usage.Reservation(ActionKind.INVITATION, from.plusSeconds(i), false));
    }
    return sent;
  }

  private static Usage usage(Instant now, List<Usage.Reservation> reservations) {
    return new Usage(now, zone(), reservations, 0, 5);
  }

  private static ZoneId zone() {
    return ZoneId.of("Europe/Madrid");
  }

  private static LinkedInIdentity identity() {
    LinkedInIdentity identity = new LinkedInIdentity();
    identity.identityId = UUID.randomUUID();
    identity.orgId = "org";
    identity.status = SessionStatus.CONNECTED;
    identity.dailyConnectionRequests = 20;
    identity.dailyMessages = 100;
    identity.timeZone = "Europe/Madrid";
    identity.workingWeek = WorkingHours.standard("Europe/Madrid").week();
    return identity;
  }

  /** The defaults of {@link ActionsConfig}. */
  private static ActionsConfig config() {
    return new SmallRyeConfigBuilder()
        .withMapping(ActionsConfig.class)
        .withConverter(Duration.class, 100, new DurationConverter()) // "2m", as Quarkus reads it
        .build()
        .getConfigMapping(ActionsConfig.class);
  }
}
