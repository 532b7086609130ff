package io.identities.warmup.placement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * An inbox's reputation score, 0 to 100: the share of its warm-up emails its partners found in the
 * inbox rather than in spam over the last 14 days, recent days weighing more (today 14, the day
 * before 13 ... 13 days ago 1), less the share of its emails refused for its own sake in the last 3
 * days (bounced: its policy, its message taken for spam; a pool address that is gone is not its
 * fault). Shown from day 3 with at least 20 emails landed; before that it says too little.
 *
 * <p>Why: inbox placement is what warm-up is for (MailReach and TrulyInbox score the same thing,
 * with recent days weighted up); a linear decay over two weeks lets an inbox recover from an early
 * bad day; bounces mean a sender problem a placement rate cannot show. Like the peers, it measures
 * the pool, not prospects: it says the inbox is trusted, not that a campaign will land.
 */
public final class Reputation {

  public static final int WINDOW_DAYS = 14;
  public static final int MIN_LANDED = 20;
  public static final int MIN_DAY = 3;
  static final int BOUNCE_DAYS = 3;

  private Reputation() {}

  /** The score at the end of {@code asOf}, day {@code day} of the warm-up; empty when too early. */
  public static OptionalInt score(List<DayPlacement> days, LocalDate asOf, int day) {
    double weightedInbox = 0;
    double weightedLanded = 0;
    int landed = 0;
    int bounced = 0;
    int attempted = 0;
    for (DayPlacement placement : days) {
      long age = ChronoUnit.DAYS.between(placement.day(), asOf);
      if (age < 0 || age >= WINDOW_DAYS) {
        continue;
      }
      int weight = WINDOW_DAYS - (int) age;
      weightedInbox += weight * placement.inbox();
      weightedLanded += weight * placement.landed();
      landed += placement.landed();
      if (age < BOUNCE_DAYS) {
        bounced += placement.bounced();
        attempted += placement.attempted();
      }
    }
    if (day < MIN_DAY || landed < MIN_LANDED) {
      return OptionalInt.empty();
    }
    double placement = 100 * weightedInbox / weightedLanded;
    double bounces = attempted == 0 ? 0 : 100.0 * bounced / attempted;
    return OptionalInt.of((int) Math.max(0, Math.min(100, Math.round(placement - bounces))));
  }

  /** The share (0 to 1) of the emails that landed in the last {@code days} days found in spam. */
  public static double spamRate(List<DayPlacement> placements, LocalDate asOf, int days) {
    int landed = landed(placements, asOf, days);
    if (landed == 0) {
      return 0;
    }
    int spam = 0;
    for (DayPlacement placement : placements) {
      if (within(placement, asOf, days)) {
        spam += placement.spam();
      }
    }
    return (double) spam / landed;
  }

  /** How many emails landed (inbox or spam) in the last {@code days} days. */
  public static int landed(List<DayPlacement> placements, LocalDate asOf, int days) {
    int landed = 0;
    for (DayPlacement placement : placements) {
      if (within(placement, asOf, days)) {
        landed += placement.landed();
      }
    }
    return landed;
  }

  /** The score an inbox needs at the end of its warm-up to be ready for campaigns. */
  public static final int READY_SCORE = 80;

  /** The share of its last 7 days' emails it needs in the inbox to be ready for campaigns. */
  public static final double READY_INBOX_RATE = 0.9;

  /**
   * Whether the inbox is ready for campaigns at the end of {@code today}, day {@code day}: a score
   * of at least {@link #READY_SCORE} and, of at least {@link #MIN_LANDED} emails landed in the last
   * 7 days, at least {@link #READY_INBOX_RATE} in the inbox (the research's graduation rule).
   */
  public static boolean ready(List<DayPlacement> placements, LocalDate today, int day) {
    OptionalInt score = score(placements, today, day);
    return score.isPresent()
        && score.getAsInt() >= READY_SCORE
        && landed(placements, today, 7) >= MIN_LANDED
        && 1 - spamRate(placements, today, 7) >= READY_INBOX_RATE;
  }

  /** A day's score, or null while it is too early to tell. */
  public record DayScore(LocalDate day, Integer score) {}

  /** The score at the end of each day of the warm-up, from its first day to {@code today}. */
  public static List<DayScore> history(
      List<DayPlacement> placements, LocalDate firstDay, LocalDate today) {
    List<DayScore> history = new ArrayList<>();
    int day = 1;
    for (LocalDate date = firstDay; !date.isAfter(today); date = date.plusDays(1), day++) {
      OptionalInt score = score(placements, date, day);
      history.add(new DayScore(date, score.isPresent() ? score.getAsInt() : null));
    }
    return history;
  }

  private static boolean within(DayPlacement placement, LocalDate asOf, int days) {
    long age = ChronoUnit.DAYS.between(placement.day(), asOf);
    return age >= 0 && age < days;
  }
}
