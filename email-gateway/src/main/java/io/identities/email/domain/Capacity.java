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
import java.util.stream.Collectors;

/**
 * What each inbox of an identity has used of its limits: sends reserved since the start of the
 * identity's day (its working-hours time zone), and in the last 60 minutes (a rolling hour, so no
 * hour ever holds more than the hourly limit). Read once, then kept up to date as sends are
 * reserved, while the identity's decisions are locked (see the Dispatcher).
 */
public final class Capacity {

  static final Duration HOUR = Duration.ofHours(1);

  private final EmailIdentity identity;
  private final Collection<UUID> inboxes;
  private final Instant now;
  private final Instant dayStart;
  private final Map<UUID, Long> today = new HashMap<>();
  private final Map<UUID, List<Instant>> lastHour = new HashMap<>(); // oldest first

  public Capacity(
      EntityManager entityManager, EmailIdentity identity, Collection<UUID> inboxes, Instant now) {
    this(identity, inboxes, now);
    read(entityManager, List.of(this), now);
  }

  private Capacity(EmailIdentity identity, Collection<UUID> inboxes, Instant now) {
    this.identity = identity;
    this.inboxes = inboxes;
    this.now = now;
    ZoneId zone = ZoneId.of(identity.timeZone);
    this.dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /**
   * The capacity of several identities' inboxes, by identity id, read in two queries whatever their
   * number.
   */
  static Map<UUID, Capacity> of(
      EntityManager entityManager,
      Map<EmailIdentity, ? extends Collection<UUID>> inboxes,
      Instant now) {
    List<Capacity> capacities =
        inboxes.entrySet().stream()
            .map(identity -> new Capacity(identity.getKey(), identity.getValue(), now))
            .toList();
    read(entityManager, capacities, now);
    return capacities.stream()
        .collect(Collectors.toMap(capacity -> capacity.identity.identityId, capacity -> capacity));
  }

  /** Reads the reservations of the capacities' inboxes, each since its own identity's day start. */
  private static void read(EntityManager entityManager, List<Capacity> capacities, Instant now) {
    Map<UUID, Capacity> byInbox = new HashMap<>();
    capacities.forEach(capacity -> capacity.inboxes.forEach(inbox -> byInbox.put(inbox, capacity)));
    if (byInbox.isEmpty()) {
      return;
    }
    List<UUID> inboxes = List.copyOf(byInbox.keySet());
    List<?> today =
        entityManager
            .createNativeQuery(
                "select s.inbox_id, count(*) from email_send s"
                    + " join unnest(:inboxes, :dayStarts) as day (inbox_id, starts_at)"
                    + " on s.inbox_id = day.inbox_id and s.reserved_at >= day.starts_at"
                    + " group by s.inbox_id")
            .setParameter("inboxes", inboxes.toArray(UUID[]::new))
            .setParameter(
                "dayStarts",
                inboxes.stream().map(inbox -> byInbox.get(inbox).dayStart).toArray(Instant[]::new))
            .getResultList();
    for (Object counted : today) {
      Object[] row = (Object[]) counted;
      byInbox.get((UUID) row[0]).today.put((UUID) row[0], ((Number) row[1]).longValue());
    }
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
                byInbox
                    .get((UUID) row[0])
                    .lastHour
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
