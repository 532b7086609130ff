package io.identities.backbone.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own AMQP connection, used to declare the topology and to publish the outbox with
 * publisher confirms (consuming goes through the SmallRye connector). It reads the same {@code
 * rabbitmq-*} settings as the connector, so an operator configures the broker once. A lost
 * connection is simply opened again on next use.
 */
@ApplicationScoped
public class Broker {

  private final ConnectionFactory factory = new ConnectionFactory();
  private Connection connection;

  Broker(
      @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost") String host,
      @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672") int port,
      @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest") String username,
      @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest") String password,
      @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/") String virtualHost,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername(username);
    factory.setPassword(password);
    factory.setVirtualHost(virtualHost);
    factory.setConnectionTimeout(5_000);
    factory.setAutomaticRecoveryEnabled(false);
    factory.getClientProperties().put("connection_name", service);
  }

  /** A new channel on the (re)opened connection; the caller closes it. */
  public synchronized Channel openChannel() throws IOException {
    if (connection == null || !connection.isOpen()) {
      try {
        connection = factory.newConnection();
      } catch (TimeoutException e) {
        throw new IOException("RabbitMQ did not answer in time", e);
      }
    }
    return connection.createChannel();
  }

  /** True when the broker can be reached now. */
  public boolean isReachable() {
    try (Channel channel = openChannel()) {
      return channel.isOpen();
    } catch (IOException | TimeoutException | RuntimeException e) {
      return false;
    }
  }

  synchronized void close(@Observes ShutdownEvent shutdown) {
    if (connection != null && connection.isOpen()) {
      try {
        connection.close(2_000);
      } catch (IOException | RuntimeException e) {
        // shutting down anyway
      }
    }
  }
}
