package io.identities.warmup.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.identities.backbone.messaging.QueueConsumers;
import io.identities.backbone.messaging.Topology;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.warmup.support.StripeSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A second platform on the same virtual host takes a service's messages for good: the service
 * counts the consumers on its queue beyond its own replicas, and says so.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class QueueConsumersTest {

  @Inject QueueConsumers consumers;
  @Inject Topology topology;

  @Test
  void shouldCountAConsumerOfAnotherDeploymentOnItsQueueAndForgetItWhenItLeaves() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(LocalInfrastructure.rabbitMqPort());
    factory.setVirtualHost(LocalInfrastructure.virtualHost());
    try (Connection stranger = factory.newConnection("another-platform");
        Channel channel = stranger.createChannel()) {
      // the service's own consumer subscribes once it has started: counted only when it is there
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> channel.queueDeclarePassive(topology.queue()).getConsumerCount() >= 1);
      assertEquals(0, consumers.unexpected());

      channel.basicQos(1);
      String tag = channel.basicConsume(topology.queue(), false, new DefaultConsumer(channel) {});

      assertEquals(1, consumers.unexpected());

      channel.basicCancel(tag);
    }
    assertEquals(0, consumers.unexpected());
  }
}
