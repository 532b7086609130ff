package io.identities.backbone.replica;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentityDeleted;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;

/**
 * Keeps the service's {@link IdentityReplica} entity (the one entity extending it, if any) from
 * identity.created, identity.updated and identity.deleted: a service that declares such an entity
 * and consumes identity.* gets its replica kept without code of its own.
 */
@ApplicationScoped
public class IdentityReplicaHandler implements EventHandler {

  private final Events events;
  private final Replicas replicas;
  private final Class<? extends IdentityReplica> replicaType;

  IdentityReplicaHandler(Events events, Replicas replicas, EntityManager entityManager) {
    this.events = events;
    this.replicas = replicas;
    this.replicaType =
        entityManager.getMetamodel().getEntities().stream()
            .map(entity -> entity.getJavaType())
            .filter(IdentityReplica.class::isAssignableFrom)
            .<Class<? extends IdentityReplica>>map(type -> type.asSubclass(IdentityReplica.class))
            .findFirst()
            .orElse(null);
  }

  /** The service's replica entity, or null when it keeps none. */
  Class<? extends IdentityReplica> replicaType() {
    return replicaType;
  }

  @Override
  public Set<String> types() {
    return replicaType == null
        ? Set.of()
        : Set.of(
            EventTypes.IDENTITY_CREATED, EventTypes.IDENTITY_UPDATED, EventTypes.IDENTITY_DELETED);
  }

  @Override
  public void handle(EventEnvelope event) {
    if (EventTypes.IDENTITY_DELETED.equals(event.type())) {
      replicas.delete(replicaType, events.data(event, IdentityDeleted.class).identityId());
    } else {
      replicas.replicate(replicaType, events.data(event, IdentitySnapshot.class));
    }
  }
}
