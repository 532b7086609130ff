package io.identities.email.domain;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each inbox of an identity has used of its limits: sends reserved since the start of the
 * identity's day (its working-hours time zone), and in the last 60 minutes (a rolling hour, so no
 * hour ever holds more than the hourly limit).
 */
public final class Capacity {

  static final Duration HOUR = Duration.ofHours(1);

  private final EntityManager entityManager;
  private final EmailIdentity identity;
  private final Instant now;
  private final Instant dayStart;
  private final Map<UUID, Usage> usage = new HashMap<>();

  /** An inbox's reservations today and in the last hour. */
  public record Usage(long today, long lastHour) {}

  public Capacity(
      EntityManager entityManager, EmailIdentity identity, Collection<UUID> inboxes, Instant now) {
    this.entityManager = entityManager;
    this.identity = identity;
    this.now = now;
    ZoneId zone = ZoneId.of(identity.timeZone);
    this.dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    Instant hourAgo = now.minus(HOUR);
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select s.inboxId,"
                    + " sum(case when s.reservedAt >= :dayStart then 1 else 0 end),"
                    + " sum(case when s.reservedAt > :hourAgo then 1 else 0 end)"
                    + " from Send s where s.inboxId in :inboxes and s.reservedAt > :since"
                    + " group by s.inboxId",
                Object[].class)
            .setParameter("dayStart", dayStart)
            .setParameter("hourAgo", hourAgo)
            .setParameter("since", dayStart.isBefore(hourAgo) ? dayStart : hourAgo)
            .setParameter("inboxes", inboxes)
            .getResultList();
    for (Object[] row : rows) {
      usage.put(
          (UUID) row[0], new Usage(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }
  }

  public Usage of(UUID inbox) {
    return usage.getOrDefault(inbox, new Usage(0, 0));
  }

  public boolean canSend(UUID inbox) {
    Usage used = of(inbox);
    return used.today() < identity.dailyLimitPerInbox
        && used.lastHour() < identity.hourlyLimitPerInbox;
  }

  /** What is left of today's limit, as a share of it: load balancing prefers the largest. */
  public double remainingToday(UUID inbox) {
    return (identity.dailyLimitPerInbox - of(inbox).today())
        / (double) Math.max(1, identity.dailyLimitPerInbox);
  }

  /**
   * The first instant the inbox is within both limits again (working hours aside): tomorrow when
   * today's limit is used up, otherwise when enough of the last hour's sends leave the rolling
   * hour.
   */
  public Instant nextSlot(UUID inbox) {
    Usage used = of(inbox);
    if (used.today() >= identity.dailyLimitPerInbox) {
      ZoneId zone = ZoneId.of(identity.timeZone);
      return dayStart.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
    long over = used.lastHour() - identity.hourlyLimitPerInbox;
    if (over < 0) {
      return now;
    }
    Instant leaving =
        entityManager
            .createQuery(
                "select s.reservedAt from Send s where s.inboxId = :inbox and s.reservedAt > :hourAgo"
                    + " order by s.reservedAt",
                Instant.class)
            .setParameter("inbox", inbox)
            .setParameter("hourAgo", now.minus(HOUR))
            .setFirstResult((int) over)
            .setMaxResults(1)
            .getSingleResult();
    return leaving.plus(HOUR);
  }
}
