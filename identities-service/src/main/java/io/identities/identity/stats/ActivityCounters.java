package io.identities.identity.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Activity counted per quarter of an hour, for the organization and for each identity: every time
 * zone's midnight falls on a quarter hour, so any period of local days sums exact buckets, and a
 * month of an organization's statistics is at most 2 880 rows whatever its volume.
 */
@ApplicationScoped
public class ActivityCounters {

  private static final String COLUMNS =
      Arrays.stream(Metric.values())
          .map(m -> "coalesce(sum(" + m.column + "), 0)")
          .collect(Collectors.joining(", "));

  private final EntityManager entityManager;

  ActivityCounters(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void count(String orgId, UUID identityId, Metric metric, Instant at) {
    Instant bucket = bucket(at);
    entityManager
        .createNativeQuery(
            "insert into org_activity (org_id, bucket, "
                + metric.column
                + ") values (?1, ?2, 1)"
                + " on conflict (org_id, bucket) do update set "
                + metric.column
                + " = org_activity."
                + metric.column
                + " + 1")
        .setParameter(1, orgId)
        .setParameter(2, bucket)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "insert into identity_activity (org_id, identity_id, bucket, "
                + metric.column
                + ")"
                + " values (?1, ?2, ?3, 1) on conflict (org_id, identity_id, bucket) do update set "
                + metric.column
                + " = identity_activity."
                + metric.column
                + " + 1")
        .setParameter(1, orgId)
        .setParameter(2, identityId)
        .setParameter(3, bucket)
        .executeUpdate();
  }

  /** The organization's activity in the period. */
  public Totals ofOrganization(String orgId, Period period) {
    return totals(
        "select "
            + COLUMNS
            + " from org_activity where org_id = ?1 and bucket >= ?2 and bucket < ?3",
        List.of(orgId, period.start(), period.end()));
  }

  /** One identity's activity in the period. */
  public Totals ofIdentity(String orgId, UUID identityId, Period period) {
    return totals(
        "select "
            + COLUMNS
            + " from identity_activity"
            + " where org_id = ?1 and identity_id = ?2 and bucket >= ?3 and bucket < ?4",
        List.of(orgId, identityId, period.start(), period.end()));
  }

  private Totals totals(String sql, List<Object> parameters) {
    var query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    Object[] row = (Object[]) query.getSingleResult();
    long[] counts = Arrays.stream(row).mapToLong(value -> ((Number) value).longValue()).toArray();
    return new Totals(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
  }

  static Instant bucket(Instant at) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    long quarters = ChronoUnit.MINUTES.between(hour, at) / 15;
    return hour.plus(quarters * 15, ChronoUnit.MINUTES);
  }

  /** Counts in the order of {@link Metric}. */
  public record Totals(
      long invitationsSent,
      long invitationsAccepted,
      long messagesSent,
      long emailsSent,
      long emailsReplied,
      long emailsBounced) {}
}
