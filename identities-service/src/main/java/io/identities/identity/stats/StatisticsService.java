package io.identities.identity.stats;

import io.identities.backbone.tenant.TenantContext;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The dashboard's four metrics (spec 1) for the organization or one identity. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

  private final ActivityCounters counters;
  private final IdentityService identities;
  private final TenantContext tenant;

  StatisticsService(ActivityCounters counters, IdentityService identities, TenantContext tenant) {
    this.counters = counters;
    this.identities = identities;
    this.tenant = tenant;
  }

  public Statistics ofOrganization(Period period) {
    long dailyMessages =
        Identity.find("select coalesce(sum(linkedin.dailyMessages), 0) from Identity")
            .project(Long.class)
            .firstResult();
    return Statistics.of(period, counters.ofOrganization(tenant.orgId(), period), dailyMessages);
  }

  public Statistics ofIdentity(UUID identityId, Period period) {
    Identity identity = identities.get(identityId);
    return Statistics.of(
        period,
        counters.ofIdentity(tenant.orgId(), identityId, period),
        identity.linkedin.dailyMessages);
  }
}
