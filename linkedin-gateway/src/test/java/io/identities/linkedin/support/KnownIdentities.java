package io.identities.linkedin.support;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Identities the LinkedIn gateway knows, announced on the bus as identities-service would. */
public final class KnownIdentities {

  private KnownIdentities() {}

  /** A new identity of {@code org}, once the gateway has replicated it. */
  public static UUID announce(BrokerProbe broker, Events events, String org, String name) {
    return io.identities.backbone.testing.KnownIdentities.announce(
        broker,
        events,
        org,
        IdentitySnapshots.of(UUID.randomUUID(), 0, name),
        "/api/linkedin/identities/{id}");
  }

  /** How many identities of any organization the gateway keeps under {@code name}. */
  public static long named(EntityManager entityManager, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from linkedin_identity where name = ?1")
                            .setParameter(1, name)
                            .getSingleResult())
                    .longValue());
  }
}
