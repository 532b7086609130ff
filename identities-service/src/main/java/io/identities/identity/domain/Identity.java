package io.identities.identity.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A sender identity of an organization: the profile its outreach campaigns run through. */
@Entity
@Table(name = "identity")
public class Identity extends PanacheEntityBase {

  /** Spec, LinkedIn Settings: 20 connection requests a day unless the user raises it. */
  public static final int DEFAULT_DAILY_CONNECTION_REQUESTS = 20;

  /** Spec, LinkedIn Settings: 100 messages a day unless the user raises it. */
  public static final int DEFAULT_DAILY_MESSAGES = 100;

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(nullable = false)
  public String name;

  @Column(name = "daily_connection_requests", nullable = false)
  public int dailyConnectionRequests;

  @Column(name = "daily_messages", nullable = false)
  public int dailyMessages;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  static Identity named(String name) {
    Identity identity = new Identity();
    identity.id = UUID.randomUUID();
    identity.name = name.strip();
    identity.dailyConnectionRequests = DEFAULT_DAILY_CONNECTION_REQUESTS;
    identity.dailyMessages = DEFAULT_DAILY_MESSAGES;
    identity.createdAt = Instant.now();
    identity.updatedAt = identity.createdAt;
    return identity;
  }

  /** What the other services replicate, as carried by identity.* events. */
  public IdentitySnapshot snapshot() {
    return new IdentitySnapshot(
        id,
        version,
        name,
        new IdentitySnapshot.LinkedInLimits(dailyConnectionRequests, dailyMessages));
  }
}
