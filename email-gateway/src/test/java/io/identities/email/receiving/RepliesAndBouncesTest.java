package io.identities.email.receiving;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.connected;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.plainInbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static io.identities.email.support.EmailApi.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.identities.simulator.mail.RefusingSmtpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies and bounces read from the inbox over IMAP (real messages in GreenMail), and bounces
 * refused at send time by the receiving SMTP server.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class RepliesAndBouncesTest {

  @Inject Events events;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldCountAReplyOncePerLeadAndStep() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("replied");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    String lead = scenario.recipient("replier");
    UUID leadId = UUID.randomUUID();
    String replies = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_REPLIED);
    JsonPath first =
        awaitStatus(
            scenario.org,
            identity,
            queued(scenario.org, identity, email(leadId, scenario.campaign, 1, lead, "Hi")),
            "SENT");

    scenario.mail().reply(lead, address, first.getString("messageId"), "Tell me more");
    scenario.mail().reply(lead, address, first.getString("messageId"), "Also, the price?");
    scenario.mail().reply(lead, address, "<unrelated@elsewhere.example>", "Hello");

    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(replies, leadId.toString(), Duration.ofSeconds(15)));
    assertTrue(event.contains("\"step\":1") && event.contains(inbox.toString()), event);
    assertTrue(
        scenario.broker.noneContaining(replies, leadId.toString(), Duration.ofSeconds(3)),
        "a second reply to the same step is not counted again");

    JsonPath second =
        awaitStatus(
            scenario.org,
            identity,
            queued(scenario.org, identity, email(leadId, scenario.campaign, 2, lead, "Follow-up")),
            "SENT");
    scenario.mail().reply(lead, address, second.getString("messageId"), "Yes, let's talk");
    String toStep2 =
        BrokerProbe.body(
            scenario.broker.nextContaining(replies, leadId.toString(), Duration.ofSeconds(15)));
    assertTrue(toStep2.contains("\"step\":2"), toStep2);
  }

  @Test
  void shouldTakeADeliveryStatusNotificationAsABounceOfTheOriginalEmail() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("reported");
    inbox(scenario.mail(), scenario.org, identity, address);
    String nobody = scenario.recipient("nobody");
    String bounces = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_BOUNCED);
    UUID send =
        queued(
            scenario.org,
            identity,
            email(UUID.randomUUID(), scenario.campaign, 1, nobody, "Hello nobody"));
    String messageId = awaitStatus(scenario.org, identity, send, "SENT").getString("messageId");

    scenario.mail().bounce(address, nobody, messageId);

    JsonPath bounced = awaitStatus(scenario.org, identity, send, "BOUNCED");
    assertTrue(
        bounced.getString("statusReason").contains("5.1.1"), bounced.getString("statusReason"));
    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(bounces, messageId, Duration.ofSeconds(10)));
    assertTrue(event.contains(send.toString()), event);
    assertTrue(event.contains("\"refused\":false"), "it was sent, then reported: " + event);
    assertTrue(event.contains("\"sentAt\":\""), "it counts when it was sent: " + event);
  }

  @Test
  void shouldPauseAnInboxWhoseBounceRatePassesTwoPercentAfterTwentySends() {
    UUID identity = sender(scenario.broker, events, scenario.org, 100, 50, null, null);
    String address = scenario.address("bouncy");
    inbox(scenario.mail(), scenario.org, identity, address);
    String lead = scenario.recipient("bouncy-lead");
    String lastMessageId = null;
    for (int i = 0; i < 20; i++) {
      UUID send =
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, "Mail " + i));
      lastMessageId = awaitStatus(scenario.org, identity, send, "SENT").getString("messageId");
    }
    String stopped = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_INBOX_DISCONNECTED);

    scenario.mail().bounce(address, lead, lastMessageId);

    BrokerProbe.body(scenario.broker.nextContaining(stopped, address, Duration.ofSeconds(15)));
    inboxes(identity)
        .then()
        .body("[0].status", equalTo("PAUSED"))
        .body("[0].statusReason", containsString("bounce rate 5.0 %"))
        .body("[0].statusReason", containsString("1 of 20"));
  }

  @Test
  void shouldNotJudgeTheBounceRateOfAnInboxWithFewSends() {
    UUID identity = sender(scenario.broker, events, scenario.org, 100, 50, null, null);
    String address = scenario.address("young");
    inbox(scenario.mail(), scenario.org, identity, address);
    String lead = scenario.recipient("young-lead");
    UUID send =
        queued(scenario.org, identity, email(UUID.randomUUID(), scenario.campaign, 1, lead, "One"));
    String messageId = awaitStatus(scenario.org, identity, send, "SENT").getString("messageId");

    scenario.mail().bounce(address, lead, messageId);

    awaitStatus(scenario.org, identity, send, "BOUNCED");
    inboxes(identity).then().body("[0].status", equalTo("CONNECTED"));
  }

  @Test
  void shouldTakeAPermanentRefusalAtSendTimeAsABounce() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("refused");
    scenario.mail().addMailbox(address, "secret");
    String bounces = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_BOUNCED);
    try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
      Map<String, Object> body = new HashMap<>(plainInbox(scenario.mail(), address, "secret"));
      body.put("smtp", server("127.0.0.1", refusing.port(), "NONE"));
      connected(scenario.org, identity, body);
      UUID send =
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, scenario.recipient("gone"), "Hi"));

      JsonPath bounced = awaitStatus(scenario.org, identity, send, "BOUNCED");
      assertTrue(
          bounced.getString("statusReason").contains("550"), bounced.getString("statusReason"));
      String event =
          BrokerProbe.body(
              scenario.broker.nextContaining(bounces, send.toString(), Duration.ofSeconds(10)));
      assertTrue(event.contains("550"), event);
      assertTrue(event.contains("\"refused\":true"), "an attempted send that bounced: " + event);
    }
  }

  private Response inboxes(UUID identity) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity);
  }
}
