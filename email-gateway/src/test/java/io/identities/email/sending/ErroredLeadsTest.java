package io.identities.email.sending;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.connect;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.plainInbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spec "Warning": a lead whose inbox is disconnected errors and its emails are held, not lost;
 * reconnecting the inbox, or moving the lead, sends them. An inbox whose server keeps refusing its
 * password is paused the same way.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class ErroredLeadsTest {

  @Inject Events events;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldHoldTheLeadsOfADisconnectedInboxAndSendOnceItIsConnectedAgain() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("kept");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    String recipient = scenario.recipient("kept");
    UUID lead = UUID.randomUUID();
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(lead, scenario.campaign, 1, recipient, "1")),
        "SENT");
    String errored = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_LEAD_ERRORED);
    String resolved = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_LEAD_RESOLVED);

    disconnect(identity, inbox);
    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(errored, lead.toString(), Duration.ofSeconds(10)));
    assertTrue(event.contains(address) && event.contains("disconnected"), event);
    UUID followUp =
        queued(scenario.org, identity, email(lead, scenario.campaign, 2, recipient, "2"));
    String reason = awaitStatus(scenario.org, identity, followUp, "HELD").getString("statusReason");
    assertTrue(reason.contains(address), reason);

    connect(scenario.org, identity, plainInbox(scenario.mail(), address, "pw-" + address))
        .then()
        .statusCode(200);
    assertEquals(
        inbox.toString(),
        awaitStatus(scenario.org, identity, followUp, "SENT").getString("inboxId"));
    String back =
        BrokerProbe.body(
            scenario.broker.nextContaining(resolved, lead.toString(), Duration.ofSeconds(10)));
    assertTrue(back.contains(inbox.toString()), back);
    assertEquals(2, scenario.mail().messages(recipient).size());
  }

  @Test
  void shouldMoveAnErroredLeadToAnotherInboxOfTheIdentity() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    UUID gone = inbox(scenario.mail(), scenario.org, identity, scenario.address("gone"));
    String recipient = scenario.recipient("moved");
    UUID lead = UUID.randomUUID();
    awaitStatus(
        scenario.org,
        identity,
        queued(scenario.org, identity, email(lead, scenario.campaign, 1, recipient, "1")),
        "SENT");
    disconnect(identity, gone);
    UUID followUp =
        queued(scenario.org, identity, email(lead, scenario.campaign, 2, recipient, "2"));
    awaitStatus(scenario.org, identity, followUp, "HELD");

    move(identity, lead, gone).then().statusCode(409);
    UUID other = inbox(scenario.mail(), scenario.org, identity, scenario.address("other"));
    move(identity, lead, other)
        .then()
        .statusCode(200)
        .body("inboxId", equalTo(other.toString()))
        .body("erroredReason", equalTo(null));
    assertEquals(
        other.toString(),
        awaitStatus(scenario.org, identity, followUp, "SENT").getString("inboxId"));
    move(identity, UUID.randomUUID(), other).then().statusCode(404);
  }

  @Test
  void shouldPauseAnInboxWhoseServerKeepsRefusingItsPasswordAndHoldItsLeads() {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("refused");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    String recipient = scenario.recipient("refused");
    UUID lead = UUID.randomUUID();
    String stopped = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_INBOX_DISCONNECTED);

    // its owner changed the password: sending (SMTP) and reading (IMAP) are refused from now on,
    // and the refusals in a row (2 in the tests, 10 by default) pause the inbox
    scenario.mail().changePassword(address, "changed by its owner");
    UUID send = queued(scenario.org, identity, email(lead, scenario.campaign, 1, recipient, "1"));

    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(stopped, inbox.toString(), Duration.ofSeconds(20)));
    assertTrue(event.contains("PAUSED"), event);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("[0].status", equalTo("PAUSED"))
        .body("[0].statusReason", containsString("2 times in a row"))
        .body("[0].nextSlot", equalTo(null));
    awaitStatus(scenario.org, identity, send, "HELD");

    connect(scenario.org, identity, plainInbox(scenario.mail(), address, "changed by its owner"))
        .then()
        .statusCode(200);
    awaitStatus(scenario.org, identity, send, "SENT");
    assertEquals(1, scenario.mail().messages(recipient).size());
  }

  private void disconnect(UUID identity, UUID inbox) {
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200);
  }

  private Response move(UUID identity, UUID lead, UUID inbox) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .contentType("application/json")
        .body(Map.of("inboxId", inbox.toString()))
        .put("/api/email/identities/{id}/leads/{lead}/inbox", identity, lead);
  }
}
