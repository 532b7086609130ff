package io.identities.email.sending;

import static io.identities.email.support.EmailApi.awaitMessages;
import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.send;
import static io.identities.email.support.EmailApi.sender;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.MimeParts;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending over real SMTP (GreenMail): signature, Message-ID, threads, balancing, idempotency. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class SendingTest {

  @Inject Events events;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldSendWithTheSignatureAndTheRecordedMessageIdAndThreadTheFollowUp() throws Exception {
    UUID identity =
        sender(scenario.broker, events, scenario.org, 30, 5, "<b>Ada</b> | Sales", "Ada | Sales");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, scenario.address("ada"));
    String sent = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_SENT);
    String lead = scenario.recipient("lead");
    UUID leadId = UUID.randomUUID();

    UUID first =
        queued(scenario.org, identity, email(leadId, scenario.campaign, 1, lead, "Quick question"));
    JsonPath state = awaitStatus(scenario.org, identity, first, "SENT");
    assertEquals(inbox.toString(), state.getString("inboxId"));
    MimeMessage message = awaitMessages(scenario.mail(), lead, 1).get(0);
    assertEquals(state.getString("messageId"), message.getMessageID());
    assertTrue(
        message.getFrom()[0].toString().contains(scenario.address("ada")),
        message.getFrom()[0].toString());
    assertEquals("Quick question", message.getSubject());
    assertTrue(
        MimeParts.text(message, "text/plain").endsWith("Hello, step 1\n\n-- \nAda | Sales"),
        MimeParts.text(message, "text/plain"));
    assertTrue(
        MimeParts.text(message, "text/html")
            .contains("<div class=\"signature\"><b>Ada</b> | Sales</div>"),
        MimeParts.text(message, "text/html"));
    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(sent, first.toString(), Duration.ofSeconds(10)));
    assertTrue(event.contains(leadId.toString()) && event.contains(inbox.toString()), event);

    Map<String, Object> followUp = email(leadId, scenario.campaign, 2, lead, "Re: Quick question");
    followUp.put("replyToThread", true);
    UUID second = queued(scenario.org, identity, followUp);
    awaitStatus(scenario.org, identity, second, "SENT");
    MimeMessage reply = awaitMessages(scenario.mail(), lead, 2).get(1);
    assertEquals(message.getMessageID(), reply.getHeader("In-Reply-To", null));
    assertEquals(message.getMessageID(), reply.getHeader("References", null));
    assertNull(message.getHeader("In-Reply-To", null));
  }

  @Test
  void shouldSendACommandOnceEvenWhenItIsDeliveredTwiceOrPostedTwice() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("bus"));
    String lead = scenario.recipient("bus-lead");
    EventEnvelope command =
        events.envelope(
            EventTypes.EMAIL_SEND,
            scenario.org,
            identity.toString(),
            new SendEmail(
                identity,
                UUID.randomUUID(),
                scenario.campaign,
                1,
                lead,
                "Over the bus",
                null,
                "Hi",
                false,
                null));

    scenario.broker.publish(Exchanges.COMMANDS, EventTypes.EMAIL_SEND, events.write(command));
    scenario.broker.publish(Exchanges.COMMANDS, EventTypes.EMAIL_SEND, events.write(command));
    awaitStatus(scenario.org, identity, command.id(), "SENT");

    Map<String, Object> posted =
        email(UUID.randomUUID(), scenario.campaign, 1, lead, "Posted twice");
    posted.put("id", UUID.randomUUID().toString());
    send(scenario.org, identity, posted).then().statusCode(202);
    send(scenario.org, identity, posted)
        .then()
        .statusCode(200)
        .body("id", equalTo(posted.get("id")));
    awaitStatus(scenario.org, identity, UUID.fromString((String) posted.get("id")), "SENT");

    awaitMessages(scenario.mail(), lead, 2);
    Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertEquals(2, scenario.mail().messages(lead).size(), "one message per command");
  }

  @Test
  void shouldSpreadNewLeadsOverTheInboxesAndKeepEachLeadOnItsInbox() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    List<UUID> inboxes =
        List.of(
            inbox(scenario.mail(), scenario.org, identity, scenario.address("one")),
            inbox(scenario.mail(), scenario.org, identity, scenario.address("two")),
            inbox(scenario.mail(), scenario.org, identity, scenario.address("three")));
    String lead = scenario.recipient("spread");
    List<UUID> leads = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    Set<String> used = new HashSet<>();
    for (UUID leadId : leads) {
      UUID first =
          queued(scenario.org, identity, email(leadId, scenario.campaign, 1, lead, "First"));
      used.add(awaitStatus(scenario.org, identity, first, "SENT").getString("inboxId"));
    }
    assertEquals(3, used.size(), "each new lead on the inbox with most room: one each");

    for (UUID leadId : leads) {
      UUID firstInbox = null;
      for (int step = 2; step <= 3; step++) {
        UUID next =
            queued(
                scenario.org,
                identity,
                email(leadId, scenario.campaign, step, lead, "Step " + step));
        String from = awaitStatus(scenario.org, identity, next, "SENT").getString("inboxId");
        if (firstInbox == null) {
          firstInbox = UUID.fromString(from);
        }
        assertEquals(firstInbox.toString(), from, "a lead stays on its inbox");
      }
    }
    given(identity).then().body("sentToday", contains(3, 3, 3)).body("dailyLimit", hasItem(30));
    assertTrue(inboxes.stream().map(UUID::toString).allMatch(used::contains));
  }

  @Test
  void shouldRefuseWhatCannotBeSentWithAClearProblemAndRecordNothing() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("strict"));
    UUID lead = UUID.randomUUID();
    String recipient = scenario.recipient("strict");

    Map<String, Object> badAddress = email(lead, scenario.campaign, 1, "not an address@", "Hi");
    badAddress.put("id", UUID.randomUUID().toString());
    send(scenario.org, identity, badAddress)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("recipient"))
        .body("errors.message", hasItem(containsString("not an address@")));

    Map<String, Object> injection =
        email(lead, scenario.campaign, 1, recipient, "Hi\r\nBcc: victim@example.com");
    send(scenario.org, identity, injection)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("subject"));

    Map<String, Object> huge = email(lead, scenario.campaign, 1, recipient, "Big");
    huge.put("htmlBody", "x".repeat(1024 * 1024 + 1));
    send(scenario.org, identity, huge)
        .then()
        .statusCode(400)
        .body("errors.message", hasItem(containsString("1 MB")));

    Map<String, Object> unknownType = email(lead, scenario.campaign, 1, recipient, "File");
    unknownType.put(
        "attachments",
        List.of(
            Map.of(
                "filename",
                "run.exe",
                "contentType",
                "application/x-msdownload",
                "content",
                base64("MZ"))));
    send(scenario.org, identity, unknownType)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("attachments[0].contentType"));

    Map<String, Object> disguised = email(lead, scenario.campaign, 1, recipient, "File");
    disguised.put(
        "attachments",
        List.of(
            Map.of(
                "filename",
                "offer.pdf",
                "contentType",
                "application/pdf",
                "content",
                base64("MZ..."))));
    send(scenario.org, identity, disguised)
        .then()
        .statusCode(400)
        .body("errors.message", hasItem(containsString("not a application/pdf")));

    send(scenario.org, UUID.randomUUID(), email(lead, scenario.campaign, 1, recipient, "Hi"))
        .then()
        .statusCode(404);
    RestAssured.given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/sends/{send}", identity, badAddress.get("id"))
        .then()
        .statusCode(404);
    Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertEquals(0, scenario.mail().messages(recipient).size(), "nothing sent");
  }

  @Test
  void shouldNameTheBodyThatIsOverOneMegabyte() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String recipient = scenario.recipient("big");
    String overOneMegabyte = "x".repeat(1100 * 1024);

    Map<String, Object> bigText = email(UUID.randomUUID(), scenario.campaign, 1, recipient, "Big");
    bigText.put("textBody", overOneMegabyte);
    send(scenario.org, identity, bigText)
        .then()
        .statusCode(400)
        .body("errors.field", contains("textBody"))
        .body("errors.message", contains("must be at most 1 MB"));

    Map<String, Object> bigHtml = email(UUID.randomUUID(), scenario.campaign, 1, recipient, "Big");
    bigHtml.put("htmlBody", overOneMegabyte);
    send(scenario.org, identity, bigHtml)
        .then()
        .statusCode(400)
        .body("errors.field", contains("htmlBody"));

    Map<String, Object> bigTogether =
        email(UUID.randomUUID(), scenario.campaign, 1, recipient, "Big");
    bigTogether.put("htmlBody", "x".repeat(600 * 1024));
    bigTogether.put("textBody", "x".repeat(600 * 1024));
    send(scenario.org, identity, bigTogether)
        .then()
        .statusCode(400)
        .body("errors.field", contains("htmlBody", "textBody"))
        .body("errors.message", hasItem(containsString("with textBody")));
  }

  @Test
  void shouldSendAnAllowedAttachment() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, "Ada");
    inbox(scenario.mail(), scenario.org, identity, scenario.address("files"));
    String recipient = scenario.recipient("files");
    Map<String, Object> withPdf =
        email(UUID.randomUUID(), scenario.campaign, 1, recipient, "The offer");
    withPdf.put(
        "attachments",
        List.of(
            Map.of(
                "filename",
                "offer.pdf",
                "contentType",
                "application/pdf",
                "content",
                base64("%PDF-1.7 offer"))));
    UUID id = queued(scenario.org, identity, withPdf);
    awaitStatus(scenario.org, identity, id, "SENT");
    MimeMessage message = awaitMessages(scenario.mail(), recipient, 1).get(0);
    var parts = MimeParts.leaves(message);
    assertTrue(
        parts.stream()
            .anyMatch(
                part -> {
                  try {
                    return "offer.pdf".equals(part.getFileName())
                        && part.isMimeType("application/pdf");
                  } catch (Exception e) {
                    return false;
                  }
                }),
        "the PDF is attached");
  }

  private Response given(UUID identity) {
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity);
  }

  private static String base64(String content) {
    return Base64.getEncoder().encodeToString(content.getBytes());
  }
}
