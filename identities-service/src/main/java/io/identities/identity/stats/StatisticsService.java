package io.identities.identity.stats;

import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.tenant.TenantContext;
import io.identities.identity.domain.IdentityFilter;
import io.identities.identity.domain.IdentityIds;
import io.identities.identity.domain.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dashboard's four metrics (spec 1) for the organization, for those of its identities a search
 * keeps, or for each of its identities.
 */
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

  private Statistics ofOrganization(Period period) {
    return Statistics.of(
        period, counters.ofOrganization(tenant.orgId(), period), possibleMessages(period, null));
  }

  /**
   * The organization's identities that {@code filter} keeps (all that the search of identities
   * would list, every page), together; the organization's when it keeps them all.
   */
  public Statistics ofOrganization(IdentityFilter filter, Period period) {
    if (filter.keepsAll()) {
      return ofOrganization(period);
    }
    IdentityIds kept = identities.matching(filter);
    return Statistics.of(
        period, counters.together(tenant.orgId(), kept, period), possibleMessages(period, kept));
  }

  public Statistics ofIdentity(UUID identityId, Period period) {
    identities.get(identityId); // another organization's, or none: 404
    return of(List.of(identityId), period).get(identityId);
  }

  /**
   * Each of the identities, in the order given, once; those that are not the organization's (or no
   * longer exist) are left out, as if never asked for.
   */
  public Map<UUID, Statistics> ofIdentities(List<UUID> identityIds, Period period) {
    return of(identities.ofOrganization(identityIds), period);
  }

  /** The statistics of each of the organization's {@code identityIds}, in their order. */
  private Map<UUID, Statistics> of(List<UUID> identityIds, Period period) {
    Map<UUID, Statistics> statistics = new LinkedHashMap<>();
    if (identityIds.isEmpty()) {
      return statistics;
    }
    IdentityIds asked = IdentityIds.of(identityIds);
    Map<UUID, ActivityCounters.Totals> activity =
        counters.ofIdentities(tenant.orgId(), asked, period);
    Map<UUID, Long> possible = possibleMessagesOfEach(period, asked);
    for (UUID identityId : identityIds) {
      statistics.put(
          identityId,
          Statistics.of(
              period,
              activity.getOrDefault(identityId, ActivityCounters.Totals.NONE),
              possible.getOrDefault(identityId, 0L)));
    }
    return statistics;
  }

  /** What the organization's identities (or only {@code identities}) could have sent, together. */
  private long possibleMessages(Period period, IdentityIds identities) {
    long wholePeriods =
        ((Number)
                spans(period, identities, "select coalesce(sum(i.daily_messages), 0)", true)
                    .getSingleResult())
            .longValue();
    return wholePeriods * period.days()
        + byRule(period, identities).values().stream().mapToLong(Long::longValue).sum();
  }

  /** What each of {@code identities} could have sent; an identity never connected is left out. */
  private Map<UUID, Long> possibleMessagesOfEach(Period period, IdentityIds identities) {
    Map<UUID, Long> possible = byRule(period, identities);
    @SuppressWarnings("unchecked")
    List<Object[]> wholePeriods =
        spans(period, identities, "select c.identity_id, i.daily_messages", true).getResultList();
    for (Object[] span : wholePeriods) {
      possible.merge((UUID) span[0], ((Number) span[1]).longValue() * period.days(), Long::sum);
    }
    return possible;
  }

  /** The spans of the organization's identities, or only of {@code identities}. */
  private Query spans(Period period, IdentityIds identities, String select, boolean wholePeriod) {
    Query query =
        entityManager
            .createNativeQuery(
                select
                    + SPANS
                    + (identities == null ? "" : " and c.identity_id in (" + identities.sql() + ")")
                    + " and "
                    + WHOLE_PERIOD
                    + (wholePeriod ? "" : " is not true"))
            .setParameter("org", tenant.orgId())
            .setParameter("start", period.start())
            .setParameter("end", period.end())
            .setParameter("firstDay", period.from());
    return identities == null ? query : identities.bind(query);
  }

  /**
   * Each identity's possible messages by {@link PossibleMessages}, from its spans that do not cover
   * the whole period; of the organization's identities, or only of {@code identities}.
   */
  private Map<UUID, Long> byRule(Period period, IdentityIds identities) {
    @SuppressWarnings("unchecked")
    List<Object[]> spans =
        spans(
                period,
                identities,
                "select c.identity_id, i.daily_messages, i.created_at, c.connected_at,"
                    + " c.disconnected_at, c.ramp_starts_on, c.ramp_days",
                false)
            .getResultList();
    return spans.stream()
        .collect(
            Collectors.groupingBy(
                span -> (UUID) span[0],
                HashMap::new,
                Collectors.collectingAndThen(
                    Collectors.toList(),
                    identity ->
                        PossibleMessages.of(
                            period,
                            ((Number) identity.get(0)[1]).intValue(),
                            (Instant) identity.get(0)[2],
                            identity.stream().map(StatisticsService::connected).toList()))));
  }

  private static PossibleMessages.Connected connected(Object[] span) {
    return new PossibleMessages.Connected(
        (Instant) span[3],
        (Instant) span[4],
        span[5] == null ? null : new RampUp((LocalDate) span[5], ((Number) span[6]).intValue()));
  }
}
