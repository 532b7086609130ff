package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.SnapshotsWanted;
import io.identities.backbone.inbox.EventHandler;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Announces every identity of every organization again, as identity.updated with its current
 * snapshot: for a service that starts with an empty replica (it asks with
 * identity.snapshots.announce) or at an operator's request. The snapshots are versioned, so a
 * replica that has them already changes nothing.
 */
@ApplicationScoped
public class SnapshotAnnouncer implements EventHandler {

  private static final Logger LOG = Logger.getLogger(SnapshotAnnouncer.class);

  private final Events events;
  private final Outbox outbox;
  private final TenantContext tenant;
  private final EntityManager entityManager;

  SnapshotAnnouncer(
      Events events, Outbox outbox, TenantContext tenant, EntityManager entityManager) {
    this.events = events;
    this.outbox = outbox;
    this.tenant = tenant;
    this.entityManager = entityManager;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE);
  }

  @Override
  public void handle(EventEnvelope event) {
    LOG.infof("%s asks for every identity", events.data(event, SnapshotsWanted.class).service());
    announceAll();
  }

  /** Announces them all, one organization per transaction; answers how many. */
  public int announceAll() {
    @SuppressWarnings("unchecked")
    List<String> organizations =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery("select distinct org_id from identity order by 1")
                        .getResultList());
    int announced = 0;
    for (String organization : organizations) {
      tenant.actFor(organization); // each transaction's session is that organization's
      announced +=
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    List<Identity> identities = Identity.listAll();
                    identities.forEach(
                        identity ->
                            outbox.publishEvent(
                                EventTypes.IDENTITY_UPDATED,
                                organization,
                                identity.id,
                                identity.snapshot()));
                    return identities.size();
                  });
    }
    LOG.infof("announced %d identities of %d organizations", announced, organizations.size());
    return announced;
  }
}
