package io.identities.email.sending;

import static io.identities.email.support.EmailApi.awaitMessages;
import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.email.support.EmailApi;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While an identity's inboxes warm up (warmup-service's warmup.* events), every campaign send is
 * held, and released in its order when the warm-up ends; an older warm-up event arriving late
 * changes nothing.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class WarmupHoldTest {

  @Inject Events events;
  @Inject DataSource database;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldHoldEveryCampaignSendDuringTheWarmupAndReleaseThemInOrderAfterIt() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 30, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("warming"));
    UUID order = UUID.randomUUID();
    Instant started = Instant.now();
    warmup(EventTypes.WARMUP_STARTED, identity, order, "WARMING", started);
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> warmingUp(identity));

    List<UUID> sends = new ArrayList<>();
    List<String> leads = new ArrayList<>();
    for (String subject : List.of("First", "Second", "Third")) {
      String lead = scenario.recipient("lead-" + subject);
      leads.add(lead);
      sends.add(
          queued(
              scenario.org,
              identity,
              email(UUID.randomUUID(), scenario.campaign, 1, lead, subject)));
    }
    for (UUID send : sends) {
      JsonPath held = awaitStatus(scenario.org, identity, send, "HELD");
      assertEquals(Dispatcher.WARMING_UP, held.getString("statusReason"));
    }
    assertTrue(
        leads.stream().allMatch(lead -> scenario.mail().messages(lead).isEmpty()),
        "nothing went out while held");

    Instant paused = started.plusMillis(500).truncatedTo(ChronoUnit.MILLIS); // as stored
    warmup(EventTypes.WARMUP_PAUSED, identity, order, "PAUSED", paused);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> paused.equals(changedAt(identity)));
    assertTrue(warmingUp(identity), "a paused warm-up still holds the campaigns");

    warmup(EventTypes.WARMUP_COMPLETED, identity, order, "COMPLETED", started.plusSeconds(1));

    List<JsonPath> sent =
        sends.stream().map(send -> awaitStatus(scenario.org, identity, send, "SENT")).toList();
    List<String> subjects = List.of("First", "Second", "Third");
    for (int i = 0; i < leads.size(); i++) {
      MimeMessage message = awaitMessages(scenario.mail(), leads.get(i), 1).get(0);
      assertEquals(subjects.get(i), message.getSubject());
    }
    assertEquals(
        sends,
        sends.stream()
            .sorted(
                Comparator.comparing(
                    send -> Instant.parse(sent.get(sends.indexOf(send)).getString("sentAt"))))
            .toList(),
        "released in the order they were queued");

    warmup(EventTypes.WARMUP_STARTED, identity, order, "WARMING", started); // late, older
    UUID after =
        queued(
            scenario.org,
            identity,
            email(UUID.randomUUID(), scenario.campaign, 1, scenario.recipient("after"), "After"));
    awaitStatus(scenario.org, identity, after, "SENT");
    assertTrue(!warmingUp(identity), "the older news did not win");
  }

  @Test
  void shouldSendALeadsStepsInOrderAndInOneThreadWithoutACampaign() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 30, null, null);
    inbox(scenario.mail(), scenario.org, identity, scenario.address("no-campaign"));
    UUID order = UUID.randomUUID();
    Instant started = Instant.now();
    warmup(EventTypes.WARMUP_STARTED, identity, order, "WARMING", started);
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> warmingUp(identity));

    UUID lead = UUID.randomUUID();
    String recipient = scenario.recipient("no-campaign-lead");
    Map<String, Object> followUp = email(lead, null, 2, recipient, "Re: Hello");
    followUp.put("replyToThread", true);
    UUID second = queued(scenario.org, identity, followUp); // queued first, held
    UUID first = queued(scenario.org, identity, email(lead, null, 1, recipient, "Hello"));
    awaitStatus(scenario.org, identity, first, "HELD");
    warmup(EventTypes.WARMUP_COMPLETED, identity, order, "COMPLETED", started.plusSeconds(1));

    awaitStatus(scenario.org, identity, second, "SENT");
    List<MimeMessage> messages = awaitMessages(scenario.mail(), recipient, 2);
    assertEquals("Hello", messages.get(0).getSubject(), "step 1 first");
    assertEquals("Re: Hello", messages.get(1).getSubject());
    assertEquals(messages.get(0).getMessageID(), messages.get(1).getHeader("In-Reply-To", null));
  }

  private void warmup(String type, UUID identity, UUID order, String state, Instant at) {
    EmailApi.warmup(scenario.broker, events, scenario.org, type, identity, order, state, at);
  }

  private Instant changedAt(UUID identity) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select warmup_changed_at from email_identity where identity_id = ?")) {
      query.setObject(1, identity);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getTimestamp(1) != null ? row.getTimestamp(1).toInstant() : null;
      }
    }
  }

  private boolean warmingUp(UUID identity) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select warming_up from email_identity where identity_id = ?")) {
      query.setObject(1, identity);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }
}
