package io.identities.identity.domain;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What identities-service does when the gateways connect an identity's LinkedIn account or inboxes.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class ChannelAccountsTest {

  @Inject Events events;

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldShowTheEmailChannelWhileOneOfTheIdentitysInboxesIsConnected() {
    String id = api.create("{\"name\": \"Ada\"}");

    inboxes(id, EventTypes.EMAIL_INBOX_CONNECTED, "CONNECTED", 1, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                    .get("/api/identities/{id}", id)
                    .<Boolean>path("channels.emailConnected"));
    api.request()
        .queryParam("emailConnected", true)
        .get("/api/identities")
        .then()
        .body("items.id", contains(id));

    inboxes(id, EventTypes.EMAIL_INBOX_DISCONNECTED, "DISCONNECTED", 0, 3);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                !api.request()
                    .get("/api/identities/{id}", id)
                    .<Boolean>path("channels.emailConnected"));

    // the second inbox's connection, overtaken on the way by the later disconnection: ignored
    inboxes(id, EventTypes.EMAIL_INBOX_CONNECTED, "CONNECTED", 1, 2);
    String marker = api.create("{\"name\": \"Published after the stale change\"}");
    inboxes(marker, EventTypes.EMAIL_INBOX_CONNECTED, "CONNECTED", 1, 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                    .get("/api/identities/{id}", marker)
                    .<Boolean>path("channels.emailConnected"));
    assertFalse(
        api.request().get("/api/identities/{id}", id).<Boolean>path("channels.emailConnected"),
        "the older count did not win");
  }

  @Test
  void shouldShowTheWarmupAsWarmupServiceAnnouncesItTheLatestWinning() {
    String id = api.create("{\"name\": \"Ada\"}");
    api.request().get("/api/identities/{id}", id).then().body("warmup", nullValue());
    Instant paid = Instant.parse("2026-12-01T10:00:00Z");
    Instant ends = paid.plus(Duration.ofDays(21));

    warmup(id, EventTypes.WARMUP_STARTED, "WARMING", ends, paid);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "WARMING"
                    .equals(api.request().get("/api/identities/{id}", id).path("warmup.state")));
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .body("warmup.endsAt", equalTo(ends.toString()));

    warmup(id, EventTypes.WARMUP_CANCELLED, "CANCELLED", ends, paid.plusSeconds(60));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "CANCELLED"
                    .equals(api.request().get("/api/identities/{id}", id).path("warmup.state")));
    String updates = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_UPDATED);

    warmup(id, EventTypes.WARMUP_STARTED, "WARMING", ends, paid); // redelivered late
    warmup(id, EventTypes.WARMUP_COMPLETED, "OLDER", ends, paid.plusSeconds(30));
    warmup(id, EventTypes.WARMUP_COMPLETED, "COMPLETED", ends, paid.plusSeconds(120));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "COMPLETED"
                    .equals(api.request().get("/api/identities/{id}", id).path("warmup.state")));
    int version = api.request().get("/api/identities/{id}", id).path("version");
    String first = BrokerProbe.body(broker.nextContaining(updates, id, Duration.ofSeconds(10)));
    assertTrue(
        first.contains("\"version\":" + version),
        "the newest news was the only change after the cancellation: " + first);
  }

  private void warmup(String identity, String type, String state, Instant endsAt, Instant at) {
    broker.publish(
        events,
        events.envelope(
            type,
            org,
            identity,
            new WarmupChanged(
                UUID.fromString(identity),
                UUID.randomUUID(),
                state,
                endsAt.minus(Duration.ofDays(21)),
                endsAt,
                null,
                at)));
  }

  private void inboxes(
      String identity, String type, String status, int connected, long inboxesVersion) {
    UUID inbox = UUID.randomUUID();
    broker.publish(
        events,
        events.envelope(
            type,
            org,
            inbox.toString(),
            new InboxConnectionChanged(
                UUID.fromString(identity),
                inbox,
                "ada@sales.example",
                status,
                connected,
                inboxesVersion)));
  }

  @Test
  void shouldFillTheEmptyContactDetailsFromTheProfileAndKnowSalesNavigator() {
    String id = api.create("{\"name\": \"Ada\", \"jobTitle\": \"CEO\"}");
    String updates = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_UPDATED);

    connected(id, true);

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                    .get("/api/identities/{id}", id)
                    .<Boolean>path("channels.linkedinConnected"));
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .body("name", equalTo("Ada"))
        .body("firstName", equalTo("Ada"))
        .body("lastName", equalTo("Lovelace"))
        .body("jobTitle", equalTo("CEO")) // the user's own value stays
        .body("email", equalTo("ada@example.com"))
        .body("linkedinUrl", equalTo("https://www.linkedin.com/in/ada-lovelace"))
        .body("channels.salesNavigator", equalTo(true));
    broker.nextContaining(updates, id, Duration.ofSeconds(10));
    api.request()
        .queryParam("linkedinConnected", true)
        .get("/api/identities")
        .then()
        .body("items.id", contains(id));
    api.request()
        .body(
            """
            {"dailyConnectionRequests": 20, "dailyMessages": 100, "dailyScrapings": 50,
             "autoWithdraw": false, "withdrawAfterDays": 7}
            """)
        .put("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(200)
        .body("dailyScrapings", equalTo(50));

    EventEnvelope ended =
        events.envelope(
            EventTypes.LINKEDIN_SESSION_DISCONNECTED,
            org,
            id,
            new LinkedInSessionDisconnected(
                UUID.fromString(id), LinkedInSessionDisconnected.EXPIRED));
    broker.publish(events, ended);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                !api.request()
                    .get("/api/identities/{id}", id)
                    .<Boolean>path("channels.linkedinConnected"));
  }

  @Test
  void shouldCreateTheIdentityWhenTheConnectionStartedFromAName() {
    String id = UUID.randomUUID().toString();
    String created = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED);

    connected(id, "Ada at Example", false);

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> api.request().get("/api/identities/{id}", id).statusCode() == 200);
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .body("name", equalTo("Ada at Example"))
        .body("lastName", equalTo("Lovelace"))
        .body("channels.linkedinConnected", equalTo(true))
        .body("linkedinSettings.dailyConnectionRequests", equalTo(20));
    broker.nextContaining(created, id, Duration.ofSeconds(10));
  }

  private void connected(String id, boolean salesNavigator) {
    connected(id, null, salesNavigator);
  }

  private void connected(String id, String identityName, boolean salesNavigator) {
    EventEnvelope event =
        events.envelope(
            EventTypes.LINKEDIN_SESSION_CONNECTED,
            org,
            id,
            new LinkedInSessionConnected(
                UUID.fromString(id),
                identityName,
                "Ada",
                "Lovelace",
                "Sales at Example",
                "https://www.linkedin.com/in/ada-lovelace",
                "ada@example.com",
                salesNavigator,
                null));
    broker.publish(events, event);
  }
}
