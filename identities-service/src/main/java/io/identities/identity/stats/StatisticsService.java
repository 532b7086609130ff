package io.identities.identity.stats;

import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.tenant.TenantContext;
import io.identities.identity.domain.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The dashboard's four metrics (spec 1) for the organization or one identity. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

  /** The organization's spans of LinkedIn connection that overlap the period, with identities. */
  private static final String SPANS =
      " from linkedin_connection c join identity i on i.id = c.identity_id and i.org_id = c.org_id"
          + " where c.org_id = :org and c.connected_at < :end"
          + " and (c.disconnected_at is null or c.disconnected_at >= :start)";

  /**
   * Spans that make every day of the period possible at the identity's full limit: connected before
   * it and not disconnected before its end, past the ramp-up, of an identity created before it. In
   * a large organization, most of them: summed by the database. PossibleMessages counts the others
   * (an identity has one such span at most, and then no other in the period).
   */
  private static final String WHOLE_PERIOD =
      "(c.connected_at < :start and (c.disconnected_at is null or c.disconnected_at >= :end)"
          + " and i.created_at < :start"
          + " and (c.ramp_starts_on is null or c.ramp_starts_on + c.ramp_days <= :firstDay))";

  private final ActivityCounters counters;
  private final IdentityService identities;
  private final TenantContext tenant;
  private final EntityManager entityManager;

  StatisticsService(
      ActivityCounters counters,
      IdentityService identities,
      TenantContext tenant,
      EntityManager entityManager) {
    this.counters = counters;
    this.identities = identities;
    this.tenant = tenant;
    this.entityManager = entityManager;
  }

  public Statistics ofOrganization(Period period) {
    return Statistics.of(
        period, counters.ofOrganization(tenant.orgId(), period), possibleMessages(period, null));
  }

  public Statistics ofIdentity(UUID identityId, Period period) {
    identities.get(identityId); // another organization's, or none: 404
    return Statistics.of(
        period,
        counters.ofIdentity(tenant.orgId(), identityId, period),
        possibleMessages(period, identityId));
  }

  /** What the organization's identities, or only {@code identityId}, could have sent. */
  private long possibleMessages(Period period, UUID identityId) {
    long wholePeriods =
        ((Number)
                spans(period, identityId, "select coalesce(sum(i.daily_messages), 0)", true)
                    .getSingleResult())
            .longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> others =
        spans(
                period,
                identityId,
                "select c.identity_id, i.daily_messages, i.created_at, c.connected_at,"
                    + " c.disconnected_at, c.ramp_starts_on, c.ramp_days",
                false)
            .getResultList();
    return wholePeriods * period.days() + byRule(period, others);
  }

  private Query spans(Period period, UUID identityId, String select, boolean wholePeriod) {
    Query query =
        entityManager
            .createNativeQuery(
                select
                    + SPANS
                    + (identityId == null ? "" : " and c.identity_id = :identity")
                    + " and "
                    + WHOLE_PERIOD
                    + (wholePeriod ? "" : " is not true"))
            .setParameter("org", tenant.orgId())
            .setParameter("start", period.start())
            .setParameter("end", period.end())
            .setParameter("firstDay", period.from());
    return identityId == null ? query : query.setParameter("identity", identityId);
  }

  /** Each identity's possible messages by {@link PossibleMessages}, from its spans. */
  private static long byRule(Period period, List<Object[]> spans) {
    Collection<List<Object[]>> byIdentity =
        spans.stream().collect(Collectors.groupingBy(span -> span[0])).values();
    return byIdentity.stream()
        .mapToLong(
            identity ->
                PossibleMessages.of(
                    period,
                    ((Number) identity.get(0)[1]).intValue(),
                    (Instant) identity.get(0)[2],
                    identity.stream().map(StatisticsService::connected).toList()))
        .sum();
  }

  private static PossibleMessages.Connected connected(Object[] span) {
    return new PossibleMessages.Connected(
        (Instant) span[3],
        (Instant) span[4],
        span[5] == null ? null : new RampUp((LocalDate) span[5], ((Number) span[6]).intValue()));
  }
}
