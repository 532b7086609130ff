package io.identities.backbone.tenant;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells Hibernate which organization a session belongs to. Work outside any organization (the
 * outbox relay, housekeeping) gets {@link #NO_ORGANIZATION}, which owns no rows, so it can only see
 * tenant-free tables.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class OrganizationTenantResolver implements TenantResolver {

  /** Matches no organization's rows. */
  public static final String NO_ORGANIZATION = "-";

  private final TenantContext tenant;

  OrganizationTenantResolver(TenantContext tenant) {
    this.tenant = tenant;
  }

  @Override
  public String getDefaultTenantId() {
    return NO_ORGANIZATION;
  }

  @Override
  public String resolveTenantId() {
    if (!Arc.container().requestContext().isActive() || !tenant.isKnown()) {
      return NO_ORGANIZATION;
    }
    return tenant.orgId();
  }
}
