package io.identities.warmup.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.warmup.support.StripeSimulatorResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class IdentityEventsConsumerTest {

  @Inject Events events;
  @Inject EntityManager entityManager;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldKeepAReplicaOfAnIdentityCreatedElsewhere() {
    UUID id = UUID.randomUUID();
    EventEnvelope created =
        events.envelope(
            EventTypes.IDENTITY_CREATED, org, id.toString(), IdentitySnapshots.of(id, 0, "Ada"));

    broker.publish(events, created);

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInSameThread()
        .until(() -> !replicaRows(id).isEmpty());
    assertEquals(List.of(org + "|Ada"), replicaRows(id));
  }

  @Test
  void shouldHaveAskedForEveryIdentityOnceWhenItStartedWithAnEmptyReplica() {
    // this run's database was new: the service started with no identity and asked, once
    List<?> asks =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select envelope from outbox_message where routing_key = ?1")
                        .setParameter(1, EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE)
                        .getResultList());
    assertEquals(1, asks.size(), asks.toString());
    assertTrue(asks.get(0).toString().contains("\"service\":\"warmup-service\""), asks.toString());
  }

  @SuppressWarnings("unchecked")
  private List<String> replicaRows(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select org_id || '|' || name from warmup_identity where identity_id = ?1")
                    .setParameter(1, id)
                    .getResultList());
  }
}
