package io.identities.warmup.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An inbox of an identity as email-gateway announces it (email.inbox.connected/disconnected): only
 * what the warm-up needs to know, never its credentials (they stay in email-gateway).
 */
@Entity
@Table(name = "warmup_inbox")
public class WarmupInbox extends PanacheEntityBase {

  public static final String CONNECTED = "CONNECTED";

  /** email-gateway's status of an inbox it stopped using: its login refused, or its bounces. */
  public static final String LOGIN_REFUSED = "PAUSED";

  @Id
  @Column(name = "inbox_id")
  public UUID inboxId;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Column(nullable = false)
  public String address;

  @Column(nullable = false)
  public String status;

  /** When the announced change happened: an older announcement arriving later is ignored. */
  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  /** When the inbox's server refused warm-up mail for good: it receives none since. */
  @Column(name = "refused_at")
  public Instant refusedAt;

  @Column(name = "refused_reason")
  public String refusedReason;

  public static long connectedOf(UUID identityId) {
    return count("identityId = ?1 and status = ?2", identityId, CONNECTED);
  }

  /** The identity's connected inboxes, by address. */
  public static List<WarmupInbox> connectedTo(UUID identityId) {
    return list("identityId = ?1 and status = ?2 order by address", identityId, CONNECTED);
  }
}
