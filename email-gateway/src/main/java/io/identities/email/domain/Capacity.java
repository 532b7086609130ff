package io.identities.email.domain;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each inbox of an identity has used of its limits: sends reserved since the start of the
 * identity's day (its working-hours time zone), and in the last 60 minutes (a rolling hour, so no
 * hour ever holds more than the hourly limit). Read once, then kept up to date as sends are
 * reserved, while the identity's decisions are locked (see the Dispatcher).
 */
public final class Capacity {

  static final Duration HOUR = Duration.ofHours(1);

  private final EmailIdentity identity;
  private final Instant now;
  private final Instant dayStart;
  private final Map<UUID, Long> today = new HashMap<>();
  private final Map<UUID, List<Instant>> lastHour = new HashMap<>(); // oldest first

  public Capacity(
      EntityManager entityManager, EmailIdentity identity, Collection<UUID> inboxes, Instant now) {
    this.identity = identity;
    this.now = now;
    ZoneId zone = ZoneId.of(identity.timeZone);
    this.dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    if (inboxes.isEmpty()) {
      return;
    }
    entityManager
        .createQuery(
            "select s.inboxId, count(s) from Send s where s.inboxId in :inboxes"
                + " and s.reservedAt >= :dayStart group by s.inboxId",
            Object[].class)
        .setParameter("inboxes", inboxes)
        .setParameter("dayStart", dayStart)
        .getResultList()
        .forEach(row -> today.put((UUID) row[0], (Long) row[1]));
    entityManager
        .createQuery(
            "select s.inboxId, s.reservedAt from Send s where s.inboxId in :inboxes"
                + " and s.reservedAt > :hourAgo order by s.reservedAt",
            Object[].class)
        .setParameter("inboxes", inboxes)
        .setParameter("hourAgo", now.minus(HOUR))
        .getResultList()
        .forEach(
            row ->
                lastHour
                    .computeIfAbsent((UUID) row[0], inbox -> new ArrayList<>())
                    .add((Instant) row[1]));
  }

  /** An inbox's reservations today and in the last hour. */
  public record Usage(long today, long lastHour) {}

  public Usage of(UUID inbox) {
    return new Usage(today.getOrDefault(inbox, 0L), lastHour.getOrDefault(inbox, List.of()).size());
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

  /** Counts a send just reserved on the inbox. */
  public void reserved(UUID inbox) {
    today.merge(inbox, 1L, Long::sum);
    lastHour.computeIfAbsent(inbox, key -> new ArrayList<>()).add(now);
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
    return over < 0 ? now : lastHour.get(inbox).get((int) over).plus(HOUR);
  }
}
