package io.identities.email.warmup;

import static io.identities.email.support.EmailApi.connected;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.plainInbox;
import static io.identities.email.support.EmailApi.sender;
import static io.identities.email.support.EmailApi.server;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.store.StoredMessage;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.mail.MailServers;
import io.identities.email.support.EmailApi;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.identities.simulator.mail.RefusingSmtpServer;
import io.identities.simulator.mail.RefusingSmtpServer.Step;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up exchange as email-gateway does it for warmup-service, between inboxes of two
 * organizations on a real SMTP/IMAP server: sent as plain text with its token, found at the
 * recipient (in the inbox or rescued from spam), marked read, flagged when asked, filed into the
 * warm-up folder, answered in its thread; and never a campaign send, reply or bounce, nor counted
 * against the inbox's limits. A refusal says whether the recipient's address or the sender is at
 * fault, and a delivery report that a warm-up email never arrived reaches warmup-service.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class WarmupMailTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject Events events;
  @Inject DataSource database;

  @RegisterExtension final Scenario scenario = new Scenario();

  private final String otherOrg = Tokens.newOrganization();

  @Test
  void shouldSendWarmupMailAndTidyItAwayAtTheRecipient() throws Exception {
    Pair pair = pair();
    String warmup = scenario.broker.listen(Exchanges.EVENTS, "warmup.email.*");
    String campaigns = scenario.broker.listen(Exchanges.EVENTS, "email.*");

    UUID email =
        command(scenario.org, pair.sender, pair.recipientAddress, "Quick question", null, false);

    JsonPath sent = next(warmup, email, EventTypes.WARMUP_EMAIL_SENT);
    String messageId = sent.getString("data.messageId");
    assertTrue(messageId.startsWith("<" + email + "@"), messageId);
    JsonPath received = next(warmup, email, EventTypes.WARMUP_EMAIL_RECEIVED);
    assertEquals(scenario.org, received.getString("orgid"), "it is news for the sender's warm-up");
    assertEquals(WarmupEmails.INBOX, received.getString("data.placement"));
    assertEquals(pair.recipient.toString(), received.getString("data.recipientInboxId"));

    assertEquals(0, scenario.mail().count(pair.recipientAddress), "out of the owner's sight");
    StoredMessage filed = onlyIn(pair.recipientAddress, "Warm-up");
    MimeMessage message = filed.getMimeMessage();
    assertEquals(messageId, message.getMessageID());
    assertTrue(message.isMimeType("text/plain"), message.getContentType());
    assertEquals(1, message.getHeader(MailServers.WARMUP_TOKEN_HEADER).length);
    assertTrue(filed.getFlags().contains(Flags.Flag.SEEN), "marked read");
    assertFalse(filed.getFlags().contains(Flags.Flag.FLAGGED), "not asked to flag it");

    assertTrue(
        scenario.broker.nowNoneContaining(campaigns, scenario.org, otherOrg),
        "no campaign event for warm-up mail");
    assertEquals(0, campaignRows(pair.senderIdentity), "no campaign send or reply recorded");
    JsonPath load = inboxes(scenario.org, pair.senderIdentity).jsonPath();
    assertEquals(0, load.getInt("[0].sentToday"), "not counted against the daily limit");
    assertEquals(0, load.getInt("[0].sentThisHour"), "nor against the hourly one");
    assertEquals(30, load.getInt("[0].dailyLimit"));
  }

  @Test
  void shouldSayWhomAPermanentRefusalIsAboutTheRecipientsAddressOrTheSender() throws Exception {
    String warmup = scenario.broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_EMAIL_FAILED);
    record Refused(Step step, String reply, boolean recipient, boolean sender) {}
    for (Refused refused :
        List.of(
            new Refused(
                Step.RCPT, "550 5.1.1 Recipient address rejected: user unknown", true, false),
            new Refused(Step.RCPT, "552 5.2.2 Mailbox full", true, false),
            new Refused(Step.RCPT, "553 Mailbox name not allowed", true, false),
            new Refused(Step.MAIL, "550 5.7.1 Sender rejected by policy", false, true),
            new Refused(Step.RCPT, "550 5.7.1 Client host blocked", false, true),
            new Refused(Step.DATA, "554 5.7.1 Message rejected as spam", false, true))) {
      try (RefusingSmtpServer server = new RefusingSmtpServer(refused.step(), refused.reply())) {
        UUID sender = sendingThrough(server);
        UUID email = command(scenario.org, sender, scenario.recipient("pool"), "Hi", null, false);

        JsonPath failed = next(warmup, email, EventTypes.WARMUP_EMAIL_FAILED);
        assertTrue(failed.getString("data.reason").contains(refused.reply()), failed.prettify());
        assertEquals(
            refused.recipient(), failed.getBoolean("data.recipientRefused"), refused.reply());
        assertEquals(refused.sender(), failed.getBoolean("data.senderRefused"), refused.reply());
      }
    }
  }

  @Test
  void shouldTellWarmupServiceOfAWarmupEmailADeliveryReportSaysNeverArrived() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("warming");
    UUID sender = inbox(scenario.mail(), scenario.org, identity, address);
    String gone = scenario.recipient("gone"); // a pool address whose mailbox went away
    String warmup = scenario.broker.listen(Exchanges.EVENTS, "warmup.email.*");
    String campaigns = scenario.broker.listen(Exchanges.EVENTS, "email.*");
    UUID email = command(scenario.org, sender, gone, "Hi", null, false);
    String messageId =
        next(warmup, email, EventTypes.WARMUP_EMAIL_SENT).getString("data.messageId");

    scenario.mail().bounce(address, gone, messageId);

    JsonPath failed = next(warmup, email, EventTypes.WARMUP_EMAIL_FAILED);
    assertTrue(failed.getBoolean("data.recipientRefused"), "the pool address is at fault");
    assertFalse(failed.getBoolean("data.senderRefused"));
    assertTrue(failed.getString("data.reason").contains("5.1.1"), failed.getString("data.reason"));
    assertTrue(scenario.broker.nowNoneContaining(campaigns, scenario.org), "no campaign bounce");
    assertEquals(0, campaignRows(identity));
  }

  @Test
  void shouldRescueWarmupMailFromSpamAndAnswerItInItsThread() throws Exception {
    Pair pair = pair();
    scenario.mail().fileAsSpam(pair.recipientAddress, pair.senderAddress);
    String warmup = scenario.broker.listen(Exchanges.EVENTS, "warmup.email.*");
    String campaigns = scenario.broker.listen(Exchanges.EVENTS, "email.*");

    UUID email = command(scenario.org, pair.sender, pair.recipientAddress, "Lunch?", null, true);
    String messageId =
        next(warmup, email, EventTypes.WARMUP_EMAIL_SENT).getString("data.messageId");
    JsonPath received = next(warmup, email, EventTypes.WARMUP_EMAIL_RECEIVED);
    assertEquals(WarmupEmails.SPAM, received.getString("data.placement"), "counted as spam");
    assertTrue(folder(pair.recipientAddress, "Junk").isEmpty(), "rescued from spam");
    StoredMessage filed = onlyIn(pair.recipientAddress, "Warm-up");
    assertTrue(filed.getFlags().contains(Flags.Flag.SEEN));
    assertTrue(filed.getFlags().contains(Flags.Flag.FLAGGED), "flagged important, as asked");

    UUID reply =
        command(otherOrg, pair.recipient, pair.senderAddress, "Re: Lunch?", messageId, false);
    next(warmup, reply, EventTypes.WARMUP_EMAIL_SENT);
    assertEquals(
        WarmupEmails.INBOX,
        next(warmup, reply, EventTypes.WARMUP_EMAIL_RECEIVED).getString("data.placement"));
    MimeMessage answer = onlyIn(pair.senderAddress, "Warm-up").getMimeMessage();
    assertEquals(messageId, answer.getHeader("In-Reply-To")[0], "answered in its thread");
    assertEquals(messageId, answer.getHeader("References")[0]);

    assertTrue(
        scenario.broker.nowNoneContaining(campaigns, scenario.org, otherOrg),
        "the answer is no campaign reply");
    assertEquals(0, campaignRows(pair.senderIdentity));
  }

  @Test
  void shouldKnowWarmupMailByItsMessageIdWhereTheTokenWasDroppedAndNeverCountItsBounce()
      throws Exception {
    Pair pair = pair();
    scenario.mail().dropHeader(pair.recipientAddress(), MailServers.WARMUP_TOKEN_HEADER);
    String warmup = scenario.broker.listen(Exchanges.EVENTS, "warmup.email.*");
    String campaigns = scenario.broker.listen(Exchanges.EVENTS, "email.*");

    UUID email = command(scenario.org, pair.sender(), pair.recipientAddress(), "Hi", null, false);
    String messageId =
        next(warmup, email, EventTypes.WARMUP_EMAIL_SENT).getString("data.messageId");
    assertEquals(
        WarmupEmails.INBOX,
        next(warmup, email, EventTypes.WARMUP_EMAIL_RECEIVED).getString("data.placement"));
    MimeMessage filed = onlyIn(pair.recipientAddress(), "Warm-up").getMimeMessage();
    assertNull(filed.getHeader(MailServers.WARMUP_TOKEN_HEADER), "found without its token");
    assertEquals(messageId, filed.getMessageID());

    // a delivery report about the warm-up email reaches the sender: no campaign bounce
    scenario.mail().bounce(pair.senderAddress(), pair.recipientAddress(), messageId);
    scenario.mail().reply(pair.recipientAddress(), pair.senderAddress(), messageId, "Thanks!");
    Awaitility.await().atMost(WAIT).until(() -> scenario.mail().count(pair.senderAddress()) == 2);
    Awaitility.await() // the sender's inbox was read past both
        .atMost(WAIT)
        .until(() -> lastReadUid(pair.sender()) >= 2);
    assertTrue(
        scenario.broker.nowNoneContaining(campaigns, scenario.org, otherOrg),
        "neither a campaign bounce nor a reply");
    assertEquals(0, campaignRows(pair.senderIdentity()));
  }

  @Test
  void shouldAnswerAFailureForAnInboxItDoesNotHave() {
    String warmup = scenario.broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_EMAIL_FAILED);
    UUID email =
        command(scenario.org, UUID.randomUUID(), "anyone@prospect.example", "Hi", null, false);
    JsonPath failed = next(warmup, email, EventTypes.WARMUP_EMAIL_FAILED);
    assertEquals("the gateway has no such inbox", failed.getString("data.reason"));
  }

  @Test
  void shouldTellMailItsOwnerSentByHandDuringTheWarmupFromMailTheGatewaySent() throws Exception {
    Pair pair = pair();
    String owner = pair.senderAddress();
    scenario.mail().file(owner, "Sent", written(owner, "<before@sales.example>"));
    EmailApi.warmup(
        scenario.broker,
        events,
        scenario.org,
        EventTypes.WARMUP_STARTED,
        pair.senderIdentity(),
        UUID.randomUUID(),
        "WARMING",
        Instant.now());
    Awaitility.await().atMost(WAIT).until(() -> sentLastUid(pair.sender()) != null);
    assertEquals(
        1L, sentLastUid(pair.sender()), "what was sent before the warm-up is not looked at");
    String byHand = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_INBOX_SENT_BY_HAND);
    String warmup = scenario.broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_EMAIL_SENT);

    UUID email = command(scenario.org, pair.sender(), pair.recipientAddress(), "Hi", null, false);
    String messageId =
        next(warmup, email, EventTypes.WARMUP_EMAIL_SENT).getString("data.messageId");
    // a provider that keeps what SMTP sent in the Sent folder, without the token (it dropped it)
    scenario.mail().file(owner, "Sent", written(owner, messageId));
    scenario.mail().file(owner, "Sent", written(owner, "<by-hand@sales.example>"));

    JsonPath event =
        JsonPath.from(
            BrokerProbe.body(
                scenario.broker.nextContaining(byHand, pair.sender().toString(), WAIT)));
    assertEquals(1, event.getInt("data.count"), "the warm-up email is the gateway's own");
    assertEquals(owner, event.getString("data.address"));
    Awaitility.await().atMost(WAIT).until(() -> Long.valueOf(3).equals(sentLastUid(pair.sender())));
    assertTrue(scenario.broker.nowNoneContaining(byHand, scenario.org), "each counted once");
  }

  /** A message its owner wrote, as a mail client keeps it in the Sent folder. */
  private static MimeMessage written(String from, String messageId) throws Exception {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties())) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, "someone@prospect.example");
    message.setSubject("Written by hand");
    message.setText("Hello");
    message.saveChanges();
    return message;
  }

  private long lastReadUid(UUID inbox) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select imap_last_uid from inbox where id = ?")) {
      query.setObject(1, inbox);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private Long sentLastUid(UUID inbox) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select sent_last_uid from inbox where id = ?")) {
      query.setObject(1, inbox);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long uid = row.getLong(1);
        return row.wasNull() ? null : uid;
      }
    }
  }

  /** An inbox of a new identity of the scenario's organization, sending through {@code server}. */
  private UUID sendingThrough(RefusingSmtpServer server) {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("refused-" + UUID.randomUUID());
    scenario.mail().addMailbox(address, "secret");
    Map<String, Object> body = new HashMap<>(plainInbox(scenario.mail(), address, "secret"));
    body.put("smtp", server("127.0.0.1", server.port(), "NONE"));
    return connected(scenario.org, identity, body);
  }

  private static Response inboxes(String org, UUID identity) {
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/email/identities/{id}/inboxes", identity);
  }

  /** A sending inbox of the scenario's organization, and a recipient inbox of another. */
  private record Pair(
      UUID senderIdentity,
      UUID sender,
      String senderAddress,
      UUID recipient,
      String recipientAddress) {}

  private Pair pair() {
    UUID senderIdentity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String senderAddress = scenario.address("warming");
    UUID sender = inbox(scenario.mail(), scenario.org, senderIdentity, senderAddress);
    UUID recipientIdentity = sender(scenario.broker, events, otherOrg, 30, 5, null, null);
    String recipientAddress = scenario.recipient("pool");
    UUID recipient = inbox(scenario.mail(), otherOrg, recipientIdentity, recipientAddress);
    return new Pair(senderIdentity, sender, senderAddress, recipient, recipientAddress);
  }

  /** Publishes warmup.email.send as warmup-service's outbox would; answers the email's id. */
  private UUID command(
      String org, UUID inbox, String to, String subject, String inReplyTo, boolean important) {
    UUID email = UUID.randomUUID();
    WarmupEmails.Send send =
        new WarmupEmails.Send(
            email,
            inbox,
            to,
            subject,
            "Hi,\n\nare you free on Thursday?\n\nBest",
            inReplyTo,
            inReplyTo,
            important);
    scenario.broker.publish(
        Exchanges.COMMANDS,
        EventTypes.WARMUP_EMAIL_SEND,
        events.write(
            events.envelope(email, EventTypes.WARMUP_EMAIL_SEND, org, email.toString(), send)));
    return email;
  }

  private JsonPath next(String queue, UUID email, String type) {
    while (true) {
      JsonPath event =
          JsonPath.from(
              BrokerProbe.body(scenario.broker.nextContaining(queue, email.toString(), WAIT)));
      if (type.equals(event.getString("type"))) {
        return event;
      }
    }
  }

  private List<StoredMessage> folder(String address, String name) {
    List<StoredMessage> messages = scenario.mail().folder(address, name);
    return messages == null ? List.of() : messages;
  }

  /** The only message of a mailbox's folder, once it is there. */
  private StoredMessage onlyIn(String address, String name) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(() -> folder(address, name), messages -> messages.size() == 1)
        .get(0);
  }

  private int campaignRows(UUID identity) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select (select count(*) from email_send where identity_id = ?)"
                    + " + (select count(*) from email_reply where identity_id = ?)")) {
      query.setObject(1, identity);
      query.setObject(2, identity);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
