package io.identities.local;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.identities.simulator.mail.LocalMailServer;
import io.restassured.response.Response;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite ({@code local-run/faults}): the platform's promises under faults, on the real
 * local PostgreSQL and RabbitMQ, each case bounded in time and counted: what was lost, what was
 * done twice, and how many answers were server errors. Its own platform (ports +24000, databases
 * {@code *_faults}, virtual host {@code identities-faults}), with both gateways in two replicas.
 * The table goes to {@code target/faults.md} and the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuite {

  private static final LocalPlatform PLATFORM =
      new LocalPlatform(
          24_000,
          "_faults",
          "identities-faults",
          Map.of(
              "LINKEDIN_GATEWAY_REPLICAS", "2",
              "MAIL_SERVER_LOAD_MAILBOXES", "40",
              "EMAIL_SENDING_STUCK_AFTER", "20s",
              "IDENTITIES_MESSAGING_RETRY_DELAYS", "1s,2s",
              "IDENTITIES_MESSAGING_DEAD_LETTER_CHECK", "1s"));
  private static final String RECIPIENT = "lead@prospect.example";
  private static final String RECIPIENT_PASSWORD = "lead-mail-password";
  private static final Duration SETTLE = Duration.ofSeconds(150);
  private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());
  private static final AtomicInteger MAILBOXES = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PlatformClient client;
  private static ServiceProcess secondEmailGateway;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() throws Exception {
    client = new PlatformClient(PLATFORM, PLATFORM.startedToken());
    secondEmailGateway =
        ServiceProcess.listeningOn(PLATFORM.port(8083))
            .replicaOn(
                PLATFORM.port(8087), new File(PLATFORM.stateDirectory(), "email-gateway-2.log"))
            .start();
  }

  @AfterAll
  static void stop() throws IOException {
    secondEmailGateway.kill();
    PLATFORM.stop();
    String table =
        "| case | load | faults | lost | duplicated | 5xx |\n|---|---|---|---|---|---|\n"
            + String.join("\n", TABLE)
            + "\n";
    Files.writeString(new File("target/faults.md").toPath(), table);
    System.out.println(table);
  }

  @Test
  @Order(1)
  void shouldLoseNothingWhileRabbitMqRestarts() throws Exception {
    String sender = senderWith(2);
    List<String> sends = new ArrayList<>();
    List<String> created = new ArrayList<>();
    AtomicInteger serverErrors = new AtomicInteger();
    CompletableFuture<Void> load =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 40; i++) {
                Response answer = client.createIdentity("rabbit " + run + " " + i);
                if (answer.statusCode() == 201) {
                  created.add(answer.path("id"));
                } else if (answer.statusCode() >= 500) {
                  serverErrors.incrementAndGet();
                }
                sends.add(client.send(sender, RECIPIENT, "rabbit " + run + " " + i));
                pause(Duration.ofMillis(150));
              }
            });
    pause(Duration.ofSeconds(1));
    command("rabbitmqctl", "-q", "stop_app");
    pause(Duration.ofSeconds(8));
    command("rabbitmqctl", "-q", "start_app");
    command("rabbitmqctl", "-q", "await_startup");
    Instant back = Instant.now();
    load.get();

    settle(
        () ->
            allSent(sender, sends)
                && replicated(created) == 3 * created.size()
                && emailsCounted(sender) == sends.size());
    long caughtUp = Duration.between(back, Instant.now()).toSeconds();
    Delivery delivery = delivered("rabbit " + run);
    List<String> lostItems = new ArrayList<>(delivery.missing("rabbit " + run, sends.size()));
    lostItems.addAll(missingReplicas(created));
    int counted = emailsCounted(sender);
    if (counted < sends.size()) {
      lostItems.add(
          (sends.size() - counted) + " email(s) sent but not counted by identities-service");
    }
    int lost = lostItems.size();
    row(
        "RabbitMQ restarted (`rabbitmqctl stop_app`, 8 s, `start_app`) under load",
        "40 identities created, 40 emails sent, through both email-gateway replicas",
        created.size()
            + " of 40 identities created; every event delivered "
            + caughtUp
            + " s after RabbitMQ was back"
            + lostText(lostItems),
        lost,
        delivery.duplicated(),
        serverErrors.get());
    assertEquals(0, lost, "every identity replicated, every email sent and counted: " + lostItems);
    assertEquals(0, delivery.duplicated(), "no email twice");
    assertEquals(0, serverErrors.get(), "no server error");
  }

  @Test
  @Order(2)
  void shouldFailCleanlyWhilePostgreSqlRestartsAndWriteNothingHalfway() throws Exception {
    String sender = senderWith(2);
    List<String> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(client.send(sender, RECIPIENT, "postgres " + run + " " + i));
    }
    Map<String, Integer> answers = new HashMap<>();
    List<String> created = new ArrayList<>();
    AtomicInteger serverErrors = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CompletableFuture<Void> load =
        CompletableFuture.runAsync(
            () -> {
              Instant end = Instant.now().plusSeconds(14);
              for (int i = 0; Instant.now().isBefore(end); i++) {
                String name = "postgres " + run + " " + i;
                Response answer = client.createIdentity(name);
                answers.put(name, answer.statusCode());
                if (answer.statusCode() == 201) {
                  created.add(answer.path("id"));
                } else if (answer.statusCode() == 503
                    && answer.contentType().startsWith("application/problem+json")
                    && answer.header("Retry-After") != null) {
                  refused.incrementAndGet();
                } else if (answer.statusCode() >= 500) {
                  serverErrors.incrementAndGet();
                }
                pause(Duration.ofMillis(200));
              }
            });
    pause(Duration.ofSeconds(1));
    postgres("stop", "-m", "fast");
    pause(Duration.ofSeconds(5));
    postgres("start");
    load.get();

    settle(() -> allSent(sender, sends) && replicated(created) == 3 * created.size());
    long halfWritten =
        answers.entrySet().stream()
            .filter(answer -> answer.getValue() != 201)
            .filter(answer -> named(answer.getKey()))
            .count();
    Delivery delivery = delivered("postgres " + run);
    List<String> lostItems = new ArrayList<>(delivery.missing("postgres " + run, sends.size()));
    lostItems.addAll(missingReplicas(created));
    int lost = lostItems.size() + (int) halfWritten;
    row(
        "PostgreSQL restarted (`pg_ctlcluster ... stop -m fast`, 5 s, `start`) under load",
        answers.size() + " identities asked for over 14 s; 20 emails queued before",
        refused.get()
            + " requests answered 503 with Retry-After while it was down"
            + lostText(lostItems),
        lost,
        delivery.duplicated(),
        serverErrors.get());
    assertTrue(refused.get() > 0, "the outage was seen");
    assertEquals(0, halfWritten, "nothing refused was written");
    assertEquals(0, lost, "every identity answered 201 replicated, every email sent: " + lostItems);
    assertEquals(0, delivery.duplicated(), "no email twice");
    assertEquals(0, serverErrors.get(), "only 503 problems while it was down");
  }

  @Test
  @Order(3)
  void shouldSendEveryEmailWhenAGatewayIsKilledMidSend() throws Exception {
    String sender = senderWith(4);
    List<String> sends = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      sends.add(client.send(sender, RECIPIENT, "kill " + run + " " + i));
      if (i == 30) {
        secondEmailGateway.kill();
      }
    }
    Instant killed = Instant.now();
    pause(Duration.ofSeconds(2));
    secondEmailGateway.start();

    settle(() -> allSent(sender, sends));
    long allSent = Duration.between(killed, Instant.now()).toSeconds();
    Delivery delivery = delivered("kill " + run);
    List<String> lostItems = delivery.missing("kill " + run, sends.size());
    int lost = lostItems.size();
    row(
        "an email-gateway replica killed (`kill -9`) mid-send, started again 2 s later",
        "80 emails over 4 inboxes, both replicas sending",
        "all sent "
            + allSent
            + " s after the kill (what it held is tried again after `EMAIL_SENDING_STUCK_AFTER`,"
            + " 20 s here, found within a minute)",
        lost,
        delivery.duplicated(),
        0);
    assertEquals(0, lost, "every email sent");
    assertTrue(
        delivery.duplicated() <= 4,
        "at most the emails the killed replica was writing go twice: " + delivery.duplicated());
  }

  @Test
  @Order(4)
  void shouldKeepToTheLimitWithTwoReplicasSending() throws Exception {
    String sender = client.sender("limits " + run, 10, 10);
    int mailbox = MAILBOXES.incrementAndGet();
    String inbox =
        client.connectInbox(
            sender,
            LocalMailServer.loadMailbox(mailbox),
            LocalMailServer.loadMailboxPassword(mailbox));
    List<String> sends = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      sends.add(client.send(sender, RECIPIENT, "limits " + run + " " + i));
    }

    settle(
        () -> {
          List<String> statuses = client.statuses(sender, sends);
          return statuses.stream().filter("SENT"::equals).count() == 10
              && statuses.stream().filter("QUEUED"::equals).count() == 15;
        });
    Delivery delivery = delivered("limits " + run);
    int sentToday =
        client
            .api()
            .get(client.email + "/api/email/identities/" + sender + "/inboxes")
            .then()
            .extract()
            .path("find { it.id == '" + inbox + "' }.sentToday");
    row(
        "two email-gateway replicas sending one inbox's emails",
        "25 emails queued for an inbox allowed 10 a day",
        "both replicas deciding at once",
        10 - delivery.distinct(),
        delivery.distinct() + delivery.duplicated() - 10,
        0);
    assertEquals(10, delivery.distinct(), "the inbox's 10");
    assertEquals(0, delivery.duplicated(), "none twice");
    assertEquals(10, sentToday, "the limit kept");
  }

  @Test
  @Order(5)
  void shouldDeadLetterPoisonAfterItsRetriesGoOnAndReplayItOnceFixed() throws Exception {
    String operator = OperatorToken.of(PLATFORM);
    Map<String, String> services =
        Map.of(
            "identities-service", client.identities,
            "linkedin-gateway", client.linkedIn,
            "email-gateway", client.email,
            "warmup-service", client.warmup);
    Map<String, Long> before = new HashMap<>();
    services.forEach((queue, url) -> before.put(queue, deadLetters(url, operator)));
    UUID early = UUID.randomUUID(); // an identity email-gateway does not know yet
    UUID send = UUID.randomUUID();
    boolean wentOn;
    Map<String, Long> dead = new HashMap<>();
    try (Connection connection = broker().newConnection();
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      for (String queue : services.keySet()) { // unreadable: dead-lettered at once
        channel.basicPublish("", queue, persistent(), "{\"not json".getBytes(UTF_8));
      }
      channel.basicPublish(
          "identities.commands",
          "email.send",
          persistent(),
          envelope(
              send,
              "email.send",
              early,
              Map.of(
                  "identityId",
                  early,
                  "leadId",
                  UUID.randomUUID(),
                  "sequenceStep",
                  1,
                  "recipient",
                  RECIPIENT,
                  "subject",
                  "poison " + run,
                  "textBody",
                  "Sent once its identity is known",
                  "replyToThread",
                  false,
                  "attachments",
                  List.of())));
      channel.waitForConfirmsOrDie(5_000);

      String sender = senderWith(1); // consumption goes on meanwhile
      String after = client.send(sender, RECIPIENT, "after poison " + run + " 1");
      settle(() -> allSent(sender, List.of(after)) && emailsCounted(sender) == 1);
      wentOn = allSent(sender, List.of(after)) && emailsCounted(sender) == 1;
      settle(
          () ->
              services.entrySet().stream()
                  .allMatch(
                      service ->
                          deadLetters(service.getValue(), operator)
                              >= before.get(service.getKey())
                                  + (service.getKey().equals("email-gateway") ? 2 : 1)));
      services.forEach(
          (queue, url) -> dead.put(queue, deadLetters(url, operator) - before.get(queue)));

      // fixed: the identity's replica arrives, then an operator replays the dead letters
      channel.basicPublish(
          "identities.events",
          "identity.created",
          persistent(),
          envelope(
              UUID.randomUUID(),
              "identity.created",
              early,
              Map.of(
                  "identityId",
                  early,
                  "version",
                  0,
                  "name",
                  "Early " + run,
                  "linkedin",
                  Map.of(
                      "dailyConnectionRequests",
                      20,
                      "dailyMessages",
                      100,
                      "autoWithdraw",
                      false,
                      "withdrawAfterDays",
                      21),
                  "email",
                  Map.of("dailyLimitPerInbox", 30, "hourlyLimitPerInbox", 5),
                  "workingHours",
                  JSON.readTree(PlatformClient.ALWAYS_WORKING))));
      channel.waitForConfirmsOrDie(5_000);
    }
    String sendUrl = client.email + "/api/email/identities/" + early + "/sends/" + send;
    settle(() -> client.found(client.email + "/api/email/identities/" + early + "/inboxes"));
    int replayed =
        given()
            .auth()
            .oauth2(operator)
            .post(client.email + "/admin/dead-letters/replay")
            .then()
            .statusCode(200)
            .extract()
            .path("replayed");
    settle(() -> client.found(sendUrl));
    boolean recorded = client.found(sendUrl);
    settle(() -> deadLetters(client.email, operator) == before.get("email-gateway") + 1);
    long left = deadLetters(client.email, operator) - before.get("email-gateway");

    row(
        "a poison message on each consuming queue, and an `email.send` that comes before its"
            + " identity",
        "one unreadable message per service's queue; an email sent and counted meanwhile",
        "dead-lettered: "
            + dead
            + "; "
            + replayed
            + " replayed at `/admin/dead-letters/replay` once the identity was known, "
            + left
            + " (the unreadable one) back in the dead-letter queue",
        (recorded ? 0 : 1) + (wentOn ? 0 : 1),
        0,
        0);
    assertTrue(wentOn, "consumption went on");
    dead.forEach(
        (queue, count) ->
            assertEquals(queue.equals("email-gateway") ? 2 : 1, count, "dead letters of " + queue));
    assertEquals(before.get("email-gateway") + 2, replayed, "both replayed, with any older ones");
    assertTrue(recorded, "the send is taken in once its identity is known");
    assertEquals(1, left, "only the unreadable one dead-lettered again");
  }

  @Test
  @Order(6)
  void shouldAnswerABurstOfBadInputWithProblemsAndWriteNothing() {
    String identity = client.sender("burst " + run, 30, 5);
    settle(() -> client.found(client.email + "/api/email/identities/" + identity + "/inboxes"));
    long identitiesBefore = identitiesTotal();
    List<BadInput> kinds = BadInput.all(client, identity);
    Map<Integer, Integer> statuses = new HashMap<>();
    int serverErrors = 0;
    int notProblems = 0;
    Set<String> wrong = new TreeSet<>();
    for (int i = 0; i < 1_000; i++) {
      BadInput input = kinds.get(i % kinds.size());
      Response answer = input.send();
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() >= 500) {
        serverErrors++;
        wrong.add(input.kind() + ": " + answer.statusCode());
      } else if (answer.statusCode() < 400
          || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
        notProblems++;
        wrong.add(input.kind() + ": " + answer.statusCode() + " " + answer.contentType());
      }
    }
    long written = identitiesTotal() - identitiesBefore;
    int inboxes =
        client
            .api()
            .get(client.email + "/api/email/identities/" + identity + "/inboxes")
            .then()
            .extract()
            .path("size()");
    String warmup =
        client
            .api()
            .get(client.warmup + "/api/warmup/identities/" + identity)
            .then()
            .extract()
            .path("state");
    row(
        "a burst of 1 000 bad inputs (" + kinds.size() + " kinds, every service)",
        "malformed JSON, wrong types, unknown fields, huge bodies, CR/LF in headers and"
            + " addresses, NUL, oversized and disguised uploads, private hosts, bad ids",
        "answers " + statuses + "; not a problem document: " + notProblems,
        0,
        (int) written + inboxes + (warmup.equals("NOT_ORDERED") ? 0 : 1),
        serverErrors);
    assertEquals(0, serverErrors, "no 5xx: " + wrong);
    assertEquals(0, notProblems, "every answer a 4xx problem: " + wrong);
    assertEquals(0, written, "no identity written");
    assertEquals(0, inboxes, "no inbox written");
    assertEquals("NOT_ORDERED", warmup, "no order written");
  }

  // --- what the cases share

  private static long identitiesTotal() {
    return client
        .api()
        .get(client.identities + "/api/identities?size=1")
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("total")
        .longValue();
  }

  /** The depth of the service's dead-letter queue, as its operator endpoint says. */
  private static long deadLetters(String service, String operator) {
    return given()
        .auth()
        .oauth2(operator)
        .get(service + "/admin/dead-letters")
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("messages")
        .longValue();
  }

  private ConnectionFactory broker() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setVirtualHost("identities-faults");
    return factory;
  }

  private static AMQP.BasicProperties persistent() {
    return new AMQP.BasicProperties.Builder()
        .deliveryMode(2)
        .contentType("application/cloudevents+json")
        .build();
  }

  /** A message as the platform's services write them (CloudEvents names, the tenant). */
  private static byte[] envelope(UUID id, String type, UUID subject, Object data)
      throws IOException {
    Map<String, Object> envelope = new HashMap<>();
    envelope.put("id", id);
    envelope.put("type", type);
    envelope.put("source", "/fault-suite");
    envelope.put("specversion", "1.0");
    envelope.put("time", Instant.now().toString());
    envelope.put("subject", subject.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", client.organization());
    envelope.put("data", data);
    return JSON.writeValueAsBytes(envelope);
  }

  private String senderWith(int inboxes) {
    String sender = client.sender("sender " + run, 200, 50);
    for (int i = 0; i < inboxes; i++) {
      int mailbox = MAILBOXES.incrementAndGet();
      client.connectInbox(
          sender,
          LocalMailServer.loadMailbox(mailbox),
          LocalMailServer.loadMailboxPassword(mailbox));
    }
    return sender;
  }

  private static boolean allSent(String sender, List<String> sends) {
    return client.statuses(sender, sends).stream().allMatch("SENT"::equals);
  }

  /** How many of the identities' replicas the three other services hold. */
  private static int replicated(List<String> identities) {
    return 3 * identities.size() - missingReplicas(identities).size();
  }

  /** Each identity's replica one of the three other services does not hold, named. */
  private static List<String> missingReplicas(List<String> identities) {
    List<String> missing = new ArrayList<>();
    for (String id : identities) {
      if (!client.found(client.linkedIn + "/api/linkedin/identities/" + id)) {
        missing.add("identity " + id + " not in linkedin-gateway");
      }
      if (!client.found(client.email + "/api/email/identities/" + id + "/inboxes")) {
        missing.add("identity " + id + " not in email-gateway");
      }
      if (!client.found(client.warmup + "/api/warmup/identities/" + id)) {
        missing.add("identity " + id + " not in warmup-service");
      }
    }
    return missing;
  }

  /** What a row says it lost, by name: empty when nothing was. */
  private static String lostText(List<String> lostItems) {
    return lostItems.isEmpty() ? "" : "; lost: " + String.join(", ", lostItems);
  }

  /** The emails identities-service counted as sent today for the identity. */
  private static int emailsCounted(String identity) {
    return client
        .api()
        .get(client.identities + "/api/identities/" + identity + "/stats?period=today")
        .then()
        .extract()
        .path("emails.sent");
  }

  /** True when identities-service has an identity of this exact name. */
  private static boolean named(String name) {
    List<String> names =
        client
            .api()
            .queryParam("q", name)
            .get(client.identities + "/api/identities")
            .then()
            .statusCode(200)
            .extract()
            .path("items.name");
    return names.contains(name);
  }

  private record Delivery(Set<String> subjects, int duplicated) {

    int distinct() {
      return subjects.size();
    }

    /** The emails "{prefix} 0" to "{prefix} count-1" that never arrived, by subject. */
    List<String> missing(String prefix, int count) {
      return IntStream.range(0, count)
          .mapToObj(i -> prefix + " " + i)
          .filter(subject -> !subjects.contains(subject))
          .map(subject -> "email \"" + subject + "\" not delivered")
          .toList();
    }
  }

  /** The emails in the recipient's mailbox whose subject starts so: distinct, and extra copies. */
  private static Delivery delivered(String subjectPrefix) throws MessagingException {
    Map<String, Integer> copies = new HashMap<>();
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("127.0.0.1", PLATFORM.port(3143), RECIPIENT, RECIPIENT_PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (Message message : inbox.getMessages()) {
        String subject = message.getSubject();
        if (subject != null && subject.startsWith(subjectPrefix + " ")) {
          copies.merge(subject, 1, Integer::sum);
        }
      }
      inbox.close(false);
    }
    int extra = copies.values().stream().mapToInt(n -> n - 1).sum();
    return new Delivery(copies.keySet(), extra);
  }

  /** Waits, bounded, until {@code done}; the case's counts then say what did not happen. */
  private static void settle(BooleanSupplier done) {
    Instant end = Instant.now().plus(SETTLE);
    while (Instant.now().isBefore(end)) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException | AssertionError e) {
        // a service still recovering: asked again
      }
      pause(Duration.ofSeconds(1));
    }
  }

  private static void row(
      String fault, String load, String faults, int lost, int duplicated, int serverErrors) {
    TABLE.add(
        "| "
            + String.join(
                " | ",
                fault,
                load,
                faults,
                String.valueOf(lost),
                String.valueOf(duplicated),
                String.valueOf(serverErrors))
            + " |");
  }

  private static void postgres(String... action) throws Exception {
    String version = new File("/etc/postgresql").list()[0];
    List<String> command =
        new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main"));
    command.addAll(List.of(action));
    command(command.toArray(String[]::new));
  }

  private static void command(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertEquals(0, process.waitFor(), String.join(" ", command));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
