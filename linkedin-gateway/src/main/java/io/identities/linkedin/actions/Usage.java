package io.identities.linkedin.actions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an identity has used of its limits at {@code now}: its slots taken today (its local day) by
 * kind, its own Sales Navigator scrapings today, what its organization drew from the scraping pool
 * today (UTC), and when its invitations of the last 7 days went out. Kept up to date in memory as
 * slots are taken, while the identity's lock is held (see {@link ActionScheduler}).
 */
public final class Usage {

  static final Duration WEEK = Duration.ofDays(7);

  private final Instant now;
  private final LocalDate today;
  private final LocalDate todayUtc;
  private final Map<ActionKind, Integer> todayByKind = new EnumMap<>(ActionKind.class);
  private int ownScrapingsToday;
  private int poolScrapingsToday;
  private final int poolSize;
  private final List<Instant> invitationsThisWeek; // oldest first

  /**
   * @param reservations the identity's slots taken in the last 7 days: kind, when, from the pool
   * @param poolScrapingsToday the organization's scrapings from its pool since the UTC day began
   * @param poolSize the organization's pool: scrapings a day
   */
  Usage(
      Instant now,
      ZoneId zone,
      List<Reservation> reservations,
      int poolScrapingsToday,
      int poolSize) {
    this.now = now;
    this.today = now.atZone(zone).toLocalDate();
    this.todayUtc = now.atZone(ZoneOffset.UTC).toLocalDate();
    this.poolScrapingsToday = poolScrapingsToday;
    this.poolSize = poolSize;
    this.invitationsThisWeek = new ArrayList<>();
    Instant dayStart = today.atStartOfDay(zone).toInstant();
    reservations.stream()
        .sorted((a, b) -> a.at().compareTo(b.at()))
        .forEach(
            r -> {
              if (r.kind() == ActionKind.INVITATION && r.at().isAfter(now.minus(WEEK))) {
                invitationsThisWeek.add(r.at());
              }
              if (!r.at().isBefore(dayStart)) {
                todayByKind.merge(r.kind(), 1, Integer::sum);
                if (r.kind() == ActionKind.PROFILE_VISIT && !r.fromPool()) {
                  ownScrapingsToday++;
                }
              }
            });
  }

  /** A slot an action took. */
  public record Reservation(ActionKind kind, Instant at, boolean fromPool) {}

  /** Slots of {@code kind} taken on the identity's local {@code day} (none yet on later days). */
  public int on(ActionKind kind, LocalDate day) {
    return day.equals(today) ? todayByKind.getOrDefault(kind, 0) : 0;
  }

  public int ownScrapingsOn(LocalDate day) {
    return day.equals(today) ? ownScrapingsToday : 0;
  }

  public int poolScrapingsOn(LocalDate utcDay) {
    return utcDay.equals(todayUtc) ? poolScrapingsToday : 0;
  }

  /** The organization's scrapings a day. */
  public int poolSize() {
    return poolSize;
  }

  /** The invitations sent in the 7 days before {@code at} (not before now), oldest first. */
  public List<Instant> invitationsInWeekBefore(Instant at) {
    return invitationsThisWeek.stream().filter(sent -> sent.isAfter(at.minus(WEEK))).toList();
  }

  public LocalDate today() {
    return today;
  }

  /** Counts a slot just taken. */
  void took(ActionKind kind, boolean fromPool) {
    todayByKind.merge(kind, 1, Integer::sum);
    if (kind == ActionKind.INVITATION) {
      invitationsThisWeek.add(now);
    }
    if (kind == ActionKind.PROFILE_VISIT) {
      if (fromPool) {
        poolScrapingsToday++;
      } else {
        ownScrapingsToday++;
      }
    }
  }
}
