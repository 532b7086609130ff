package io.identities.backbone.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * What becomes of a message whose handler failed: it waits in the retry queue of the next delay and
 * comes back, or, after the last delay or when it cannot be read at all (retrying cannot help),
 * goes to the dead-letter queue. Published with confirms before the failed delivery is
 * acknowledged, so it is never lost on the way; a delivery that cannot be moved is requeued
 * instead.
 */
@ApplicationScoped
public class Retries {

  /** How many times the message has been tried (header set by this class). */
  public static final String ATTEMPTS = "x-identities-attempts";

  /** Why it failed the last time, for whoever reads the dead-letter queue. */
  public static final String LAST_ERROR = "x-identities-last-error";

  private static final Logger LOG = Logger.getLogger(Retries.class);
  private static final long CONFIRM_TIMEOUT_MS = 5_000;

  private final Broker broker;
  private final Topology topology;
  private final List<Duration> delays;

  Retries(Broker broker, Topology topology, MessagingConfig config) {
    this.broker = broker;
    this.topology = topology;
    this.delays = List.copyOf(config.retryDelays());
  }

  /**
   * Moves a message that failed its {@code attempts}-th try (counting from 1; 0 when no try has
   * counted yet, its failures being its service's and not its own) to where it goes next.
   *
   * @throws IOException when the broker could not take it: the delivery must be requeued
   */
  public void failed(byte[] body, String messageId, int attempts, Exception failure)
      throws IOException {
    boolean unreadable = failure instanceof Events.MalformedEventException;
    boolean exhausted = unreadable || attempts > delays.size();
    Map<String, Object> headers = new HashMap<>();
    headers.put(ATTEMPTS, attempts);
    headers.put(LAST_ERROR, describe(failure));
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType(EventEnvelope.CONTENT_TYPE)
            .deliveryMode(2)
            .messageId(messageId)
            .headers(headers)
            .build();
    try (Channel channel = broker.openChannel()) {
      channel.confirmSelect();
      if (exhausted) {
        channel.basicPublish(Exchanges.DEAD_LETTERS, topology.queue(), properties, body);
      } else {
        channel.basicPublish("", topology.retryQueue(delay(attempts)), properties, body);
      }
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("the broker did not confirm the retry", e);
    }
    if (exhausted) {
      LOG.errorf(
          "message %s dead-lettered into %s after %d attempt(s): %s",
          messageId, topology.deadLetterQueue(), attempts, describe(failure));
    } else {
      LOG.warnf(
          "message %s failed (attempt %d), tried again in %s: %s",
          messageId, attempts, delay(attempts), describe(failure));
    }
  }

  private Duration delay(int attempts) {
    return delays.get(Math.max(0, attempts - 1));
  }

  private static String describe(Exception failure) {
    String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
