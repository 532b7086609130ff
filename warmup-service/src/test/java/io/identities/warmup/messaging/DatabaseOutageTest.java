package io.identities.warmup.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.messaging.MessagingConfig;
import io.identities.backbone.messaging.Topology;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.DatabaseBehindProxy;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TcpProxy;
import io.identities.backbone.testing.Tokens;
import io.identities.warmup.support.StripeSimulatorResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event that comes while the service's database is out of reach waits for it, however long the
 * outage lasts, instead of using up its retries on a fault that is not its own and ending in the
 * dead-letter queue (the fault suite's PostgreSQL restart lost an identity's replica that way).
 */
@QuarkusTest
@WithTestResource(DatabaseBehindProxy.class)
@WithTestResource(StripeSimulatorResource.class)
class DatabaseOutageTest {

  @Inject Events events;
  @Inject EntityManager entityManager;
  @Inject Topology topology;
  @Inject MessagingConfig messaging;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void restore() throws Exception {
    TcpProxy.postgreSql().restore();
    broker.close();
  }

  @Test
  void shouldKeepAnEventThatCameDuringAnOutageLongerThanItsRetriesAndHandleItAfter()
      throws Exception {
    Duration retries = messaging.retryDelays().stream().reduce(Duration.ZERO, Duration::plus);
    long deadLettersBefore = deadLetters();
    UUID id = UUID.randomUUID();

    TcpProxy.postgreSql().cut();
    broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_CREATED, org, id.toString(), IdentitySnapshots.of(id, 0, "Ada")));
    // twice as long as every retry of the message together: without the outage counted apart,
    // it would be in the dead-letter queue by then
    Awaitility.await()
        .during(retries.multipliedBy(2))
        .atMost(retries.multipliedBy(3))
        .pollInSameThread()
        .until(() -> deadLetters() == deadLettersBefore);
    TcpProxy.postgreSql().restore();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .ignoreExceptions()
        .until(() -> replicated(id));
    assertEquals(deadLettersBefore, deadLetters());
  }

  private long deadLetters() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(LocalInfrastructure.rabbitMqPort());
    factory.setVirtualHost(LocalInfrastructure.virtualHost());
    try (Connection connection = factory.newConnection("dead-letter-probe");
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount();
    }
  }

  private boolean replicated(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            entityManager
                                .createNativeQuery(
                                    "select count(*) from warmup_identity where identity_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .intValue()
                    == 1);
  }
}
