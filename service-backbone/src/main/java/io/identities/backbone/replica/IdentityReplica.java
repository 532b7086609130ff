package io.identities.backbone.replica;

import io.identities.backbone.events.IdentitySnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A service's local copy of an identity, kept from identity.* events (see {@link Replicas}), so it
 * never asks identities-service at request time. A subclass adds the fields its service keeps.
 */
@MappedSuperclass
public abstract class IdentityReplica extends PanacheEntityBase {

  @Id
  @Column(name = "identity_id")
  public UUID identityId;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(nullable = false)
  public String name;

  /** The version of the identity this copy reflects; older snapshots are ignored. */
  @Column(name = "identity_version", nullable = false)
  public long identityVersion;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Takes what this service keeps of the snapshot, beyond the name. */
  protected void copy(IdentitySnapshot snapshot) {}

  void apply(IdentitySnapshot snapshot) {
    identityId = snapshot.identityId();
    name = snapshot.name();
    identityVersion = snapshot.version();
    updatedAt = Instant.now();
    copy(snapshot);
  }
}
