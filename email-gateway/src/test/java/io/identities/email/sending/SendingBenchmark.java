package io.identities.email.sending;

import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.sender;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.MessageProperties;
import io.agroal.api.AgroalDataSource;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.tenant.TenantContext;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Benchmark (local-run/bench-email; not part of the test suite): an identity with 50 inboxes at the
 * product's highest limits (200 a day, 50 an hour each).
 *
 * <ol>
 *   <li>Floor: the same email.send messages published to a quorum queue with publisher confirms and
 *       taken by two consumers, nothing else done.
 *   <li>Decisions: 100 000 queued sends decided by two consumers (pick the inbox, reserve its
 *       capacity, persist the lead's assignment, or defer to the next slot), nothing sent.
 *   <li>End to end: email.send commands published to RabbitMQ, taken in by the gateway, decided and
 *       sent over SMTP by two consumers, until the last one is in the recipient's mailbox.
 * </ol>
 */
@QuarkusTest
@TestProfile(SendingBenchmark.ConsumersRunByTheBenchmark.class)
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
@Tag("benchmark")
class SendingBenchmark {

  private static final int INBOXES = 50;
  private static final int DAILY = 200;
  private static final int HOURLY = 50;
  private static final int CONSUMERS = 2;
  private static final int QUEUED = Integer.getInteger("bench.queued", 100_000);

  /** The benchmark runs the gateway's two consumers itself, to time them. */
  public static class ConsumersRunByTheBenchmark implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("email.sending.workers", "0", "email.receiving.poll-interval", "1h");
    }
  }

  @Inject Events events;
  @Inject Dispatcher dispatcher;
  @Inject TenantContext tenant;
  @Inject AgroalDataSource database;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void measure() throws Exception {
    UUID identity =
        sender(scenario.broker, events, scenario.org, DAILY, HOURLY, "<b>Ada</b>", "Ada");
    for (int i = 0; i < INBOXES; i++) {
      inbox(scenario.mail(), scenario.org, identity, scenario.address("inbox" + i));
    }
    String lead = scenario.recipient("lead");
    int capacity = INBOXES * HOURLY; // what may go out in the first hour
    List<byte[]> commands = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      commands.add(command(identity, lead, i).getBytes(StandardCharsets.UTF_8));
    }

    double floor = floor(commands);
    Decided decided = decisions(identity);
    double endToEnd = endToEnd(identity, commands, lead);

    String report =
        String.format(
            "RabbitMQ publish/consume floor (%d msgs, %d consumers): %.0f msg/s%n"
                + "send decisions (%d queued, %d inboxes, %d consumers): %.0f decisions/s"
                + " (%d reserved, %d deferred to the next slot)%n"
                + "end to end, RabbitMQ -> decision -> SMTP (%d emails): %.0f emails/s%n",
            commands.size(),
            CONSUMERS,
            floor,
            QUEUED,
            INBOXES,
            CONSUMERS,
            decided.perSecond(),
            decided.reserved(),
            QUEUED - decided.reserved(),
            commands.size(),
            endToEnd);
    System.out.print(report);
    Files.writeString(Path.of("target/bench-email.txt"), report);
  }

  private String command(UUID identity, String recipient, int i) {
    SendEmail send =
        new SendEmail(
            identity,
            UUID.randomUUID(),
            scenario.campaign,
            1,
            recipient,
            "Benchmark " + i,
            "<p>Hello, would you have a minute this week?</p>",
            "Hello, would you have a minute this week?",
            false,
            null);
    return events.write(
        events.envelope(EventTypes.EMAIL_SEND, scenario.org, identity.toString(), send));
  }

  /** Publish with confirms to a quorum queue, two consumers acknowledging each message. */
  private double floor(List<byte[]> messages) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setVirtualHost(
        ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class));
    try (Connection connection = factory.newConnection("bench-floor")) {
      Channel publisher = connection.createChannel();
      String queue = "bench-floor-" + UUID.randomUUID();
      publisher.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
      CountDownLatch consumed = new CountDownLatch(messages.size());
      for (int i = 0; i < CONSUMERS; i++) {
        Channel consumer = connection.createChannel();
        consumer.basicQos(256);
        DeliverCallback take =
            (tag, delivery) -> {
              consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
              consumed.countDown();
            };
        consumer.basicConsume(queue, false, take, tag -> {});
      }
      publisher.confirmSelect();
      long start = System.nanoTime();
      for (byte[] message : messages) {
        publisher.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, message);
      }
      publisher.waitForConfirmsOrDie(60_000);
      consumed.await(5, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - start) / 1e9;
      publisher.queueDelete(queue);
      return messages.size() / seconds;
    }
  }

  private record Decided(double perSecond, int reserved) {}

  private Decided decisions(UUID identity) throws Exception {
    try (var connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into email_send (id, org_id, identity_id, lead_id, campaign_id,"
                    + " sequence_step, recipient, subject, text_body, reply_to_thread, follow_up,"
                    + " status, not_before, created_at)"
                    + " select gen_random_uuid(), ?, ?, gen_random_uuid(), ?, 1,"
                    + " 'nobody@prospect.example', 'Queued ' || n, 'Hello', false, false, 'QUEUED',"
                    + " now() - interval '1 minute', now() - interval '1 minute' + n * interval '1 microsecond'"
                    + " from generate_series(1, ?) n")) {
      insert.setString(1, scenario.org);
      insert.setObject(2, identity);
      insert.setObject(3, scenario.campaign);
      insert.setInt(4, QUEUED);
      insert.executeUpdate();
    }
    long start = System.nanoTime();
    runConsumers(
        () -> dispatcher.decideDueSendsOf(identity).decided(), () -> queued(identity) == 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    int reserved =
        count(
            "select count(*) from email_send where identity_id = ? and status = 'SENDING'",
            identity);
    try (var connection = database.getConnection()) { // the next phase starts with fresh capacity
      PreparedStatement cleanUp =
          connection.prepareStatement(
              "delete from email_send where identity_id = ?; delete from lead_assignment where identity_id = ?");
      cleanUp.setObject(1, identity);
      cleanUp.setObject(2, identity);
      cleanUp.execute();
    }
    return new Decided(QUEUED / seconds, reserved);
  }

  private double endToEnd(UUID identity, List<byte[]> commands, String lead) throws Exception {
    long start = System.nanoTime();
    for (byte[] command : commands) {
      scenario.broker.publish(
          Exchanges.COMMANDS, EventTypes.EMAIL_SEND, new String(command, StandardCharsets.UTF_8));
    }
    runConsumers(dispatcher::dispatchDue, () -> scenario.mail().count(lead) >= commands.size());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(commands.size(), scenario.mail().count(lead));
    return commands.size() / seconds;
  }

  /** Runs the gateway's consumer loop on two threads until {@code done}. */
  private void runConsumers(IntSupplier consume, BooleanSupplier done) throws Exception {
    ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < CONSUMERS; i++) {
      running.add(
          consumers.submit(
              () -> {
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                try {
                  tenant.actFor(scenario.org);
                  while (!done.getAsBoolean()) {
                    if (consume.getAsInt() == 0) {
                      Thread.sleep(5);
                    }
                  }
                } finally {
                  requestContext.terminate();
                }
                return null;
              }));
    }
    for (Future<?> consumer : running) {
      consumer.get(30, TimeUnit.MINUTES);
    }
    consumers.shutdown();
  }

  private int queued(UUID identity) {
    return count(
        "select count(*) from email_send where identity_id = ? and status = 'QUEUED'"
            + " and not_before <= now()",
        identity);
  }

  private int count(String sql, UUID identity) {
    try (var connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, identity);
      ResultSet row = query.executeQuery();
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
