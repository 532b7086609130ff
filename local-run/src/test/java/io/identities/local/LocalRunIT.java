package io.identities.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.simulator.mail.LocalMailServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, end to end: the four packaged services started by {@link
 * LocalPlatform}, driven as a user would with the token it prints.
 */
class LocalRunIT {

  private static final int OFFSET = LocalPlatform.OFFSET;
  private static final String IDENTITIES = LocalPlatform.IDENTITIES;
  private static final String LINKEDIN = LocalPlatform.LINKEDIN;
  private static final String EMAIL = LocalPlatform.EMAIL;
  private static final String WARMUP = LocalPlatform.WARMUP;
  private static final int SMTP_PORT = LocalPlatform.SMTP_PORT;
  private static final int IMAP_PORT = LocalPlatform.IMAP_PORT;
  private static final String GRACE_MAIL_PASSWORD = "grace-mail-password";

  private static final List<String> SERVICES =
      List.of("identities-service", "linkedin-gateway", "email-gateway", "warmup-service");

  private static String token;
  private static PlatformClient client;

  @BeforeAll
  static void startThePlatform() throws Exception {
    token = LocalPlatform.token();
    client = LocalPlatform.client();
  }

  @Test
  void shouldCarryANewIdentityToTheGateways() {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Ada Lovelace\"}")
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    long created = System.nanoTime();

    awaitFound(LINKEDIN + "/api/linkedin/identities/" + id);
    System.out.printf(
        "identity visible in linkedin-gateway %d ms after it was created%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - created));

    given()
        .auth()
        .oauth2(token)
        .get(LINKEDIN + "/api/linkedin/identities/" + id)
        .then()
        .body("status", equalTo("NOT_CONNECTED"))
        .body("limits.dailyConnectionRequests", equalTo(20))
        .body("limits.dailyMessages", equalTo(100));
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");
    given()
        .auth()
        .oauth2(token)
        .get(EMAIL + "/api/email/identities/" + id + "/inboxes")
        .then()
        .body("$", empty());
  }

  @Test
  void shouldConnectALinkedInAccountThroughTheSimulator() {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Demo\"}")
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    awaitFound(LINKEDIN + "/api/linkedin/identities/" + id);

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"identityId\": \""
                + id
                + "\", \"email\": \"ada@example.com\", \"password\": \"correct horse battery\"}")
        .post(LINKEDIN + "/api/linkedin/connections")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONNECTED"))
        .body("profile.profileUrl", equalTo("https://www.linkedin.com/in/ada-lovelace"));

    // one LinkedIn account, one identity: Demo holds ada@example.com
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"identityName\": \"Ada again\", \"email\": \"ada@example.com\", \"password\": \"correct horse battery\"}")
        .post(LINKEDIN + "/api/linkedin/connections")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("Demo"))
        .body("detail", containsString(id));

    // spec 2A: connecting from a name creates the identity in identities-service (with an account
    // of its own, like ada@example.com)
    String created =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(
                "{\"identityName\": \"Ada (LinkedIn)\", \"email\": \"ada+named@example.com\", \"password\": \"correct horse battery\"}")
            .post(LINKEDIN + "/api/linkedin/connections")
            .then()
            .statusCode(200)
            .extract()
            .path("identityId");
    awaitFound(IDENTITIES + "/api/identities/" + created);
    given()
        .auth()
        .oauth2(token)
        .get(IDENTITIES + "/api/identities/" + created)
        .then()
        .body("name", equalTo("Ada (LinkedIn)"))
        .body("linkedinUrl", equalTo("https://www.linkedin.com/in/ada-lovelace-named"))
        .body("channels.linkedinConnected", equalTo(true));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(token)
                        .get(LINKEDIN + "/api/linkedin/identities/" + created)
                        .<Integer>path("limits.dailyMessages")
                    == 100);
  }

  @Test
  void shouldAddAnIdentityThroughAShareLinkAndKeepThePasswordNowhere() throws Exception {
    String url =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"identityName\": \"Sam (shared)\"}")
            .post(IDENTITIES + "/api/identities/share-links")
            .then()
            .statusCode(201)
            .extract()
            .path("url");
    assertTrue(url.startsWith(LINKEDIN + "/share/"), url);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> given().get(url).statusCode() == 200);

    var invitation = given().get(url);
    assertTrue(invitation.asString().contains("Dev Organization invites you"));
    String cookie = invitation.getCookie("share_csrf");
    String wrongPassword = "wrong-" + UUID.randomUUID();
    signIn(url, cookie, wrongPassword).then().statusCode(422);
    var challenge = signIn(url, cookie, "correct horse battery");
    assertTrue(challenge.asString().contains("sent by SMS"), challenge.asString());
    Matcher handshake =
        Pattern.compile("name=\"handshake\" value=\"([^\"]+)\"").matcher(challenge.asString());
    assertTrue(handshake.find());
    given()
        .cookie("share_csrf", cookie)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", cookie)
        .formParam("handshake", handshake.group(1))
        .formParam("code", "246810")
        .post(url + "/verification")
        .then()
        .statusCode(200)
        .body(containsString("Your LinkedIn account is connected"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get(IDENTITIES + "/api/identities?q=shared")
                    .<List<String>>path("items.name")
                    .contains("Sam (shared)"));
    given().get(url).then().statusCode(410);
    for (String password : List.of(wrongPassword, "correct horse battery")) {
      assertKeptNowhere(password);
    }
  }

  private static io.restassured.response.Response signIn(String url, String csrf, String password) {
    return signIn(url, csrf, "sms@example.com", password);
  }

  private static io.restassured.response.Response signIn(
      String url, String csrf, String email, String password) {
    return given()
        .cookie("share_csrf", csrf)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", csrf)
        .formParam("email", email)
        .formParam("password", password)
        .post(url);
  }

  @Test
  void shouldSpendAnUpdateLinkOnceWhicheverPageSpendsItAndWhenBothRace() throws Exception {
    String id = client.createIdentity("Link Owner").then().statusCode(201).extract().path("id");
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");
    awaitFound(LINKEDIN + "/api/linkedin/identities/" + id);
    String address = LocalMailServer.loadMailbox(1);
    String password = LocalMailServer.loadMailboxPassword(1);
    String inbox = client.connectInbox(id, address, password);

    // spent on the inbox page, the link no longer works on the LinkedIn page
    String spent = linkAfterTheInboxStopped(id, inbox);
    reconnect(spent, inbox, password)
        .then()
        .statusCode(200)
        .body(containsString("connected again"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> given().get(LINKEDIN + "/share/" + spent).statusCode() == 410);
    given().get(LINKEDIN + "/share/" + spent).then().body(containsString("already been used"));

    // both pages at once: exactly one spends it
    String raced = linkAfterTheInboxStopped(id, inbox);
    String csrf =
        given()
            .get(LINKEDIN + "/share/" + raced)
            .then()
            .statusCode(200)
            .extract()
            .cookie("share_csrf");
    var onLinkedIn =
        CompletableFuture.supplyAsync(
            () ->
                signIn(
                    LINKEDIN + "/share/" + raced,
                    csrf,
                    "ada+link-owner@example.com",
                    "correct horse battery"));
    var onInbox = CompletableFuture.supplyAsync(() -> reconnect(raced, inbox, password));
    boolean linkedInConnected =
        onLinkedIn.get().statusCode() == 200
            && onLinkedIn.get().asString().contains("Your LinkedIn account is connected");
    boolean inboxConnected =
        onInbox.get().statusCode() == 200 && onInbox.get().asString().contains("connected again");
    assertEquals(
        1,
        (linkedInConnected ? 1 : 0) + (inboxConnected ? 1 : 0),
        () ->
            "LinkedIn page: "
                + onLinkedIn.join().statusCode()
                + ", inbox page: "
                + onInbox.join().statusCode());
    assertEquals(
        linkedInConnected ? "CONNECTED" : "NOT_CONNECTED",
        given()
            .auth()
            .oauth2(token)
            .get(LINKEDIN + "/api/linkedin/identities/" + id)
            .then()
            .extract()
            .path("status"));
    assertEquals(
        inboxConnected ? "CONNECTED" : "DISCONNECTED",
        given()
            .auth()
            .oauth2(token)
            .get(EMAIL + "/api/email/identities/" + id + "/inboxes")
            .then()
            .extract()
            .path("[0].status"));
  }

  /** Disconnects the inbox and makes the identity's update link; answers its token. */
  private static String linkAfterTheInboxStopped(String identity, String inbox) {
    given()
        .auth()
        .oauth2(token)
        .delete(EMAIL + "/api/email/identities/" + identity + "/inboxes/" + inbox + "/connection")
        .then()
        .statusCode(200);
    String url =
        given()
            .auth()
            .oauth2(token)
            .post(IDENTITIES + "/api/identities/" + identity + "/share-links")
            .then()
            .statusCode(201)
            .extract()
            .path("url");
    String link = url.substring(url.lastIndexOf('/') + 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> given().get(EMAIL + "/share/email/" + link).statusCode() == 200);
    return link;
  }

  /** The inbox page's form: the inbox's password again. */
  private static io.restassured.response.Response reconnect(
      String token, String inbox, String password) {
    String csrf = given().get(EMAIL + "/share/email/" + token).getCookie("share_csrf");
    return given()
        .cookie("share_csrf", csrf)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", csrf)
        .formParam("password", password)
        .post(EMAIL + "/share/email/" + token + "/inboxes/" + inbox);
  }

  /** Not in any row of any table of the four services' databases, nor in their logs. */
  private static void assertKeptNowhere(String secret) throws Exception {
    for (String service : SERVICES) {
      String database = service.replace('-', '_') + "_e2e";
      Process dump =
          new ProcessBuilder(
                  "pg_dump", "--data-only", "-h", "127.0.0.1", "-U", "postgres", database)
              .redirectErrorStream(true)
              .start();
      String rows = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, dump.waitFor(), rows);
      assertTrue(rows.contains("COPY public."), "dumped " + database);
      assertFalse(rows.contains(secret), "the password is in a table of " + database);
      String log = Files.readString(Path.of("target/local_e2e/" + service + ".log"));
      assertFalse(log.contains(secret), "the password is in the log of " + service);
    }
  }

  @Test
  void shouldConnectAnInboxSendAnEmailAndCountTheLeadsReply() throws Exception {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Grace Hopper\"}")
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(PlatformClient.ALWAYS_WORKING)
        .put(IDENTITIES + "/api/identities/" + id + "/working-hours")
        .then()
        .statusCode(200);
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");

    String inbox = client.connectInbox(id, "grace@sales.example", GRACE_MAIL_PASSWORD);
    Awaitility.await() // the working hours have reached the gateway: it can send now
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Instant.parse(
                        given()
                            .auth()
                            .oauth2(token)
                            .get(EMAIL + "/api/email/identities/" + id + "/inboxes")
                            .path("[0].nextSlot"))
                    .isBefore(Instant.now().plusSeconds(60)));

    String lead = UUID.randomUUID().toString();
    String send =
        firstEmail(id, lead, "Hello from the local run " + lead, "Hi, would you have a minute?");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "SENT".equals(sendOf(id, send).getString("status")));
    String messageId = sendOf(id, send).getString("messageId");
    assertEquals(inbox, sendOf(id, send).getString("inboxId"));

    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", IMAP_PORT, "lead@prospect.example", "lead-mail-password");
      Folder folder = store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      assertTrue(
          Stream.of(folder.getMessages())
              .anyMatch(message -> messageId.equals(messageIdOf(message))),
          "the lead's mailbox has the email");
      folder.close(false);
    }
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", String.valueOf(SMTP_PORT));
    MimeMessage reply = new MimeMessage(Session.getInstance(smtp));
    reply.setFrom("lead@prospect.example");
    reply.setRecipients(Message.RecipientType.TO, "grace@sales.example");
    reply.setSubject("Re: Hello");
    reply.setHeader("In-Reply-To", messageId);
    reply.setText("Sure, call me.");
    Transport.send(reply);

    Awaitility.await() // read from the inbox over IMAP, counted by identities-service
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(token)
                        .get(IDENTITIES + "/api/identities/" + id + "/stats?period=today")
                        .jsonPath()
                        .getInt("replied")
                    == 1);
    given()
        .auth()
        .oauth2(token)
        .get(IDENTITIES + "/api/identities/" + id)
        .then()
        .body("channels.emailConnected", equalTo(true));
    assertKeptNowhere(GRACE_MAIL_PASSWORD);
  }

  @Test
  void shouldBuyAWarmupOnTheStripeSimulatorAndWatchItsFirstDayWhileCampaignsAreHeld()
      throws Exception {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Ada Warm\"}")
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");
    client.connectInbox(id, "ada@sales.example", "ada-mail-password");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> warmup(id).getInt("connectedInboxes") == 1);
    workFromNowFor(id, Duration.ofMinutes(4)); // warm-up mail goes out in working hours only

    JsonPath order =
        given()
            .auth()
            .oauth2(token)
            .header("Idempotency-Key", "local-run-" + id)
            .post(WARMUP + "/api/warmup/identities/" + id + "/orders")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("50.00"))
            .extract()
            .jsonPath();
    given() // the buyer pays on the simulator's checkout page
        .redirects()
        .follow(false)
        .post(order.getString("payment.url"))
        .then()
        .statusCode(303);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "WARMING".equals(warmup(id).getString("state")));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "WARMING"
                    .equals(
                        given()
                            .auth()
                            .oauth2(token)
                            .get(IDENTITIES + "/api/identities/" + id)
                            .path("warmup.state")));

    String send = firstEmail(id, UUID.randomUUID().toString(), "Held while warming", "Hi");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "HELD".equals(sendOf(id, send).getString("status")));

    // its first day: warm-up emails go to the seed pool over SMTP, and are found and filed there
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> warmup(id).getInt("inboxes[0].sentToday") >= 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> filedAtSeeds("ada@sales.example") >= 1);
    assertEquals(
        0,
        given()
            .auth()
            .oauth2(token)
            .get(IDENTITIES + "/api/identities/" + id + "/stats?period=today")
            .jsonPath()
            .getInt("emails.sent"),
        "warm-up mail is no campaign send");

    given()
        .auth()
        .oauth2(token)
        .post(
            WARMUP
                + "/api/warmup/identities/"
                + id
                + "/orders/"
                + order.getString("id")
                + "/cancellation")
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"))
        .body("reason", equalTo("cancelled after the warm-up started: not refunded"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !"HELD".equals(sendOf(id, send).getString("status")));
  }

  /** Gives the identity working hours from this minute (UTC) for {@code length}, today only. */
  private static void workFromNowFor(String identity, Duration length) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    ZonedDateTime end = now.plus(length);
    String to =
        end.toLocalDate().isAfter(now.toLocalDate())
            ? "24:00"
            : String.format("%02d:%02d", end.getHour(), end.getMinute());
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "timeZone",
                "UTC",
                "week",
                Map.of(
                    now.getDayOfWeek().name(),
                    List.of(
                        Map.of(
                            "start",
                            String.format("%02d:%02d", now.getHour(), now.getMinute()),
                            "end",
                            to)))))
        .put(IDENTITIES + "/api/identities/" + identity + "/working-hours")
        .then()
        .statusCode(200);
  }

  /**
   * How many warm-up emails from {@code sender} the seed pool's mailboxes filed into their warm-up
   * folder, read and with their token.
   */
  private static int filedAtSeeds(String sender) throws Exception {
    int filed = 0;
    for (int seed = 1; seed <= 2; seed++) {
      try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
        store.connect(
            "127.0.0.1",
            IMAP_PORT,
            "seed-" + seed + "@seeds.example",
            "seed-" + seed + "-mail-password");
        Folder folder = store.getFolder("Warm-up");
        if (!folder.exists()) {
          continue;
        }
        folder.open(Folder.READ_ONLY);
        for (Message message : folder.getMessages()) {
          if (message.getFrom()[0].toString().contains(sender)
              && message.isSet(Flags.Flag.SEEN)
              && message.getHeader("X-Identities-Warmup") != null) {
            filed++;
          }
        }
        folder.close(false);
      }
    }
    return filed;
  }

  /** Posts the first email of a lead's sequence to lead@prospect.example; answers the send's id. */
  private static String firstEmail(String identity, String lead, String subject, String text) {
    return client.send(identity, lead, "lead@prospect.example", subject, text);
  }

  private static JsonPath warmup(String identity) {
    return given()
        .auth()
        .oauth2(token)
        .get(WARMUP + "/api/warmup/identities/" + identity)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldConnectAGoogleInboxThroughTheLocalOAuthServer() {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Sam\"}")
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");
    URI authorization =
        URI.create(
            given()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "GOOGLE"))
                .post(EMAIL + "/api/email/identities/" + id + "/inboxes/oauth")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("authorizationUrl"));
    assertTrue(authorization.toString().startsWith("http://127.0.0.1:" + (8095 + OFFSET)));

    Map<String, String> form = new HashMap<>();
    for (String pair : authorization.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    form.putAll(
        Map.of(
            "email",
            "sam@google.example",
            "password",
            "google-demo-password",
            "decision",
            "allow"));
    String callback =
        given()
            .redirects()
            .follow(false)
            .formParams(form)
            .post("http://127.0.0.1:" + (8095 + OFFSET) + "/authorize")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    given()
        .get(callback)
        .then()
        .statusCode(200)
        .body(containsString("sam@google.example is connected"));
    given()
        .auth()
        .oauth2(token)
        .get(EMAIL + "/api/email/identities/" + id + "/inboxes")
        .then()
        .body("[0].provider", equalTo("GOOGLE"))
        .body("[0].status", equalTo("CONNECTED"));
  }

  private static JsonPath sendOf(String identity, String send) {
    return given()
        .auth()
        .oauth2(token)
        .get(EMAIL + "/api/email/identities/" + identity + "/sends/" + send)
        .jsonPath();
  }

  private static String messageIdOf(Message message) {
    try {
      return ((MimeMessage) message).getMessageID();
    } catch (MessagingException e) {
      return null;
    }
  }

  @Test
  void shouldReportHealthMetricsAndTheApiOfEachService() {
    for (int port = 8081; port <= 8084; port++) {
      String service = "http://localhost:" + (port + OFFSET);
      given().get(service + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
      given()
          .get(service + "/q/health/ready")
          .then()
          .statusCode(200)
          .body("checks.name", hasItems("RabbitMQ", "Database connections health check"));
      given()
          .get(service + "/q/metrics")
          .then()
          .statusCode(200)
          .body(containsString("jvm_memory_used_bytes"));
      given().get(service + "/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
    given().get(IDENTITIES + "/q/openapi").then().body(containsString("/api/identities"));
  }

  @Test
  void shouldNameEveryWrongFieldAndWhatItMustBeInEveryService() {
    String id = client.createIdentity("Wrong Types").then().statusCode(201).extract().path("id");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": 123, \"email\": true, \"jobTitle\": {\"a\": 1}}")
        .post(IDENTITIES + "/api/identities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("email", "jobTitle", "name")))
        .body("errors.message", everyItem(equalTo("must be a string")));
    awaitFound(EMAIL + "/api/email/identities/" + id + "/inboxes");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"address\": \"ada@sales.example\", \"password\": 42,"
                + " \"smtp\": {\"host\": \"127.0.0.1\", \"port\": \"3025\", \"security\": \"TLSX\"},"
                + " \"imap\": {\"host\": \"127.0.0.1\", \"port\": 3143.5, \"security\": \"NONE\"}}")
        .post(EMAIL + "/api/email/identities/" + id + "/inboxes")
        .then()
        .statusCode(400)
        .body(
            "errors.field", equalTo(List.of("imap.port", "password", "smtp.port", "smtp.security")))
        .body(
            "errors.message",
            equalTo(
                List.of(
                    "must be a whole number",
                    "must be a string",
                    "must be a whole number",
                    "must be one of: SSL_TLS, STARTTLS, NONE")));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"identityId\": \"" + id + "x\", \"email\": 1, \"password\": false}")
        .post(LINKEDIN + "/api/linkedin/connections")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("email", "identityId", "password")));
    String longQuery = "q=" + "a".repeat(10_000);
    for (String url :
        List.of(
            IDENTITIES + "/api/identities",
            LINKEDIN + "/api/linkedin/identities/" + id,
            EMAIL + "/api/email/identities/" + id + "/inboxes",
            WARMUP + "/api/warmup/identities/" + id)) {
      given()
          .auth()
          .oauth2(token)
          .urlEncodingEnabled(false)
          .get(url + "?" + longQuery)
          .then()
          .statusCode(414)
          .contentType("application/problem+json")
          .body("detail", containsString("is 10"));
    }
  }

  private static void awaitFound(String url) {
    LocalPlatform.awaitFound(url);
  }
}
