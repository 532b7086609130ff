package io.identities.backbone.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A test's own connection to the service's RabbitMQ virtual host, straight to the broker (not
 * through the {@link TcpProxy}): to publish as another service would, and to watch what arrives.
 */
public final class BrokerProbe implements AutoCloseable {

  private final Connection connection;
  private final Channel channel;

  /** A probe on the virtual host of the service under test, past the cuttable proxy. */
  public BrokerProbe() {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost("127.0.0.1");
      factory.setPort(LocalInfrastructure.rabbitMqPort());
      factory.setVirtualHost(LocalInfrastructure.virtualHost());
      connection = factory.newConnection("test-probe");
      channel = connection.createChannel();
    } catch (Exception e) {
      throw new IllegalStateException("cannot reach RabbitMQ", e);
    }
  }

  /**
   * A fresh queue of the test's own that receives what {@code exchange} routes by {@code
   * routingKey}.
   */
  public String listen(String exchange, String routingKey) {
    try {
      String queue =
          channel.queueDeclare("probe-" + UUID.randomUUID(), false, true, true, null).getQueue();
      channel.queueBind(queue, exchange, routingKey);
      return queue;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes an event on the events exchange, routed by its type, as another service would. */
  public void publish(Events events, EventEnvelope event) {
    publish(Exchanges.EVENTS, event.type(), events.write(event));
  }

  /** Publishes an envelope as the outbox relay would: persistent, with confirms. */
  public void publish(String exchange, String routingKey, String body) {
    try {
      channel.confirmSelect();
      channel.basicPublish(
          exchange,
          routingKey,
          new AMQP.BasicProperties.Builder()
              .contentType(EventEnvelope.CONTENT_TYPE)
              .deliveryMode(2)
              .build(),
          body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(5_000);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a message on {@code queue} whose body contains {@code marker}, skipping others. */
  public GetResponse nextContaining(String queue, String marker, Duration timeout) {
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (GetResponse r = channel.basicGet(queue, true);
                  r != null;
                  r = channel.basicGet(queue, true)) {
                if (body(r).contains(marker)) {
                  return r;
                }
              }
              return null;
            },
            response -> response != null);
  }

  /** True when no message containing {@code marker} arrives on {@code queue} for {@code during}. */
  public boolean noneContaining(String queue, String marker, Duration during) {
    long end = System.nanoTime() + during.toNanos();
    while (System.nanoTime() < end) {
      for (GetResponse r = poll(queue); r != null; r = poll(queue)) {
        if (body(r).contains(marker)) {
          return false;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * True when none of the messages on {@code queue} now contains any of {@code markers} (they are
   * taken): others' messages may be there too, such as events that were unroutable at first.
   */
  public boolean nowNoneContaining(String queue, String... markers) {
    boolean none = true;
    for (GetResponse r = poll(queue); r != null; r = poll(queue)) {
      String message = body(r);
      for (String marker : markers) {
        none &= !message.contains(marker);
      }
    }
    return none;
  }

  /** The next message on {@code queue} if one is there now, or null. */
  public GetResponse poll(String queue) {
    try {
      return channel.basicGet(queue, true);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String body(GetResponse response) {
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
