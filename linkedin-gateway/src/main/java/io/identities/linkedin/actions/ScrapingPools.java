package io.identities.linkedin.actions;

import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The caller's organization's scraping pool: read and set (spec "Daily scrapings"). */
@ApplicationScoped
@Transactional
public class ScrapingPools {

  /** The most scrapings a day a pool may hold. */
  public static final int MOST = 10_000;

  private final TenantContext tenant;
  private final ActionsConfig config;
  private final Clock clock;

  ScrapingPools(TenantContext tenant, ActionsConfig config, Clock clock) {
    this.tenant = tenant;
    this.config = config;
    this.clock = clock;
  }

  /** The organization's scrapings a day: its own setting, or the configured default. */
  public int dailyScrapings(String orgId) {
    ScrapingPool pool = ScrapingPool.findById(orgId);
    return pool == null ? config.scrapingPool() : pool.dailyScrapings;
  }

  public int ofCaller() {
    return dailyScrapings(tenant.orgId());
  }

  public int set(int dailyScrapings) {
    if (dailyScrapings < 0 || dailyScrapings > MOST) {
      throw ProblemException.invalidField("dailyScrapings", "must be from 0 to " + MOST);
    }
    ScrapingPool pool = ScrapingPool.findById(tenant.orgId());
    boolean created = pool == null;
    if (created) {
      pool = new ScrapingPool();
      pool.orgId = tenant.orgId();
    }
    pool.dailyScrapings = dailyScrapings;
    pool.updatedAt = clock.instant();
    if (created) {
      pool.persist();
    }
    return dailyScrapings;
  }
}
