package io.identities.backbone.replica;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.SnapshotsWanted;
import io.identities.backbone.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A service that starts with an empty replica (its first start, or one added to a running platform,
 * which never saw the identities created before it) asks identities-service to announce them all
 * again. The snapshots are versioned, so asking when nothing is missing changes nothing.
 */
@ApplicationScoped
public class ReplicaBackfill {

  /** The organization a platform-wide command names (the envelope requires one). */
  public static final String PLATFORM = "platform";

  private static final Logger LOG = Logger.getLogger(ReplicaBackfill.class);

  private final IdentityReplicaHandler replicas;
  private final Outbox outbox;
  private final EntityManager entityManager;
  private final String service;

  ReplicaBackfill(
      IdentityReplicaHandler replicas,
      Outbox outbox,
      EntityManager entityManager,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.replicas = replicas;
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.service = service;
  }

  void askIfEmpty(@Observes StartupEvent started) {
    Class<? extends IdentityReplica> type = replicas.replicaType();
    if (type == null) {
      return;
    }
    String table = type.getAnnotation(Table.class).name();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // one asker at a time among replicas starting together; the first one's ask counts
              entityManager
                  .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                  .setParameter(1, "replica-backfill")
                  .getSingleResult();
              boolean empty =
                  entityManager
                      .createNativeQuery("select 1 from " + table + " limit 1")
                      .getResultList()
                      .isEmpty();
              boolean asked =
                  !entityManager
                      .createNativeQuery(
                          "select 1 from outbox_message where routing_key = ?1 limit 1")
                      .setParameter(1, EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE)
                      .getResultList()
                      .isEmpty();
              if (empty && !asked) {
                LOG.infof("%s has no identities yet: asking for them all", table);
                outbox.sendCommand(
                    EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE,
                    PLATFORM,
                    UUID.randomUUID(),
                    new SnapshotsWanted(service));
              }
            });
  }
}
