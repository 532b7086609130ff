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
   * replica already reflects a newer version of the identity.
   */
  public <R extends IdentityReplica> R replicate(Class<R> type, IdentitySnapshot snapshot) {
    R replica = entityManager.find(type, snapshot.identityId());
    if (replica == null) {
      replica = newInstance(type);
      replica.apply(snapshot);
      entityManager.persist(replica);
    } else if (snapshot.version() >= replica.identityVersion) {
      replica.apply(snapshot);
    }
    return replica;
  }

  /** Forgets an identity that was deleted: the service no longer knows it (404) nor acts for it. */
  public void delete(Class<? extends IdentityReplica> type, UUID identityId) {
    IdentityReplica replica = entityManager.find(type, identityId);
    if (replica != null) {
      entityManager.remove(replica);
    }
  }

  private static <R> R newInstance(Class<R> type) {
    try {
      return type.getDeclaredConstructor().newInstance(); // entities keep a no-arg constructor
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " cannot be created", e);
    }
  }
}
