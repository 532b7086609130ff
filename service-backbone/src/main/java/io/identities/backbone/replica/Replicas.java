package io.identities.backbone.replica;

import io.identities.backbone.events.IdentitySnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Creates or refreshes {@link IdentityReplica}s of the current organization from snapshots. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Replicas {

  private final EntityManager entityManager;

  Replicas(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Applies {@code snapshot} to the replica of its identity, creating it the first time, unless the
   * replica already reflects a newer version of the identity; answers null for an identity that was
   * deleted.
   */
  public <R extends IdentityReplica> R replicate(Class<R> type, IdentitySnapshot snapshot) {
    R replica = entityManager.find(type, snapshot.identityId());
    if (replica == null && deleted(snapshot.identityId())) {
      return null; // a late snapshot of a deleted identity: deletion is final
    }
    if (replica == null) {
      replica = newInstance(type);
      replica.apply(snapshot);
      entityManager.persist(replica);
    } else if (snapshot.version() >= replica.identityVersion) {
      replica.apply(snapshot);
    }
    return replica;
  }

  /**
   * Forgets an identity that was deleted: the service no longer knows it (404) nor acts for it, and
   * keeps a tombstone so no later snapshot of it brings it back.
   */
  public void delete(Class<? extends IdentityReplica> type, UUID identityId) {
    entityManager
        .createNativeQuery(
            "insert into identity_tombstone (identity_id) values (?1) on conflict do nothing")
        .setParameter(1, identityId)
        .executeUpdate();
    IdentityReplica replica = entityManager.find(type, identityId);
    if (replica != null) {
      entityManager.remove(replica);
    }
  }

  private boolean deleted(UUID identityId) {
    return !entityManager
        .createNativeQuery("select 1 from identity_tombstone where identity_id = ?1")
        .setParameter(1, identityId)
        .getResultList()
        .isEmpty();
  }

  private static <R> R newInstance(Class<R> type) {
    try {
      return type.getDeclaredConstructor().newInstance(); // entities keep a no-arg constructor
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " cannot be created", e);
    }
  }
}
