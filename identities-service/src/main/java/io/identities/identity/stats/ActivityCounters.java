package io.identities.identity.stats;

import io.identities.identity.domain.IdentityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        (Object[])
            query(
                    "select "
                        + COLUMNS
                        + " from org_activity where org_id = ?1 and bucket >= ?2 and bucket < ?3",
                    List.of(orgId, period.start(), period.end()))
                .getSingleResult(),
        0);
  }

  /**
   * Each identity's activity in the period, by identity; one without activity in it is left out.
   */
  public Map<UUID, Totals> ofIdentities(String orgId, IdentityIds identities, Period period) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        identityActivity("identity_id, ", orgId, identities, period, " group by identity_id")
            .getResultList();
    return rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> totals(row, 1)));
  }

  /** The identities' activity in the period, together. */
  public Totals together(String orgId, IdentityIds identities, Period period) {
    return totals(
        (Object[]) identityActivity("", orgId, identities, period, "").getSingleResult(), 0);
  }

  private Query identityActivity(
      String select, String orgId, IdentityIds identities, Period period, String grouping) {
    return identities
        .bind(
            entityManager.createNativeQuery(
                "select "
                    + select
                    + COLUMNS
                    + " from identity_activity where org_id = :org and identity_id in ("
                    + identities.sql()
                    + ") and bucket >= :start and bucket < :end"
                    + grouping))
        .setParameter("org", orgId)
        .setParameter("start", period.start())
        .setParameter("end", period.end());
  }

  private Query query(String sql, List<Object> parameters) {
    Query query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }

  /** The counts of {@code row}, from its column {@code first} on. */
  private static Totals totals(Object[] row, int first) {
    long[] counts =
        Arrays.stream(row, first, row.length)
            .mapToLong(value -> ((Number) value).longValue())
            .toArray();
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
      long emailsBounced) {

    /** A period without activity. */
    static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);
  }
}
