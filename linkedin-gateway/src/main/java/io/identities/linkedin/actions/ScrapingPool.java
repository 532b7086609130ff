package io.identities.linkedin.actions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An organization's pool of Sales Navigator scrapings a day (UTC), shared by its identities on top
 * of each one's own {@code dailyScrapings}; without one, the configured default.
 */
@Entity
@Table(name = "linkedin_scraping_pool")
public class ScrapingPool extends PanacheEntityBase {

  /** The organization it belongs to: its key, so always looked up by the caller's organization. */
  @Id
  @Column(name = "org_id")
  public String orgId;

  @Column(name = "daily_scrapings", nullable = false)
  public int dailyScrapings;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
