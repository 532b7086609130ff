package io.identities.identity.domain;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.SnapshotsWanted;
import io.identities.backbone.outbox.OutboxMessage;
import io.identities.backbone.replica.ReplicaBackfill;
import io.identities.backbone.tenant.Roles;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TcpProxy;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentityEventsTest {

  @Inject ObjectMapper mapper;
  @Inject Events events;

  @ConfigProperty(name = "identities.test.rabbitmq-port")
  int rabbitMqPort;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
    TcpProxy.rabbitMq(rabbitMqPort).restore();
    broker.close();
  }

  @Test
  void shouldPublishIdentityCreatedAsACloudEvent() throws Exception {
    String queue = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED);

    String id = create("Grace Hopper");

    JsonNode event = eventAbout(queue, id, Duration.ofSeconds(10));
    assertEquals("1.0", event.path("specversion").asText());
    assertEquals("/identities-service", event.path("source").asText());
    assertEquals(org, event.path("orgid").asText());
    assertEquals("application/json", event.path("datacontenttype").asText());
    assertEquals("Grace Hopper", event.path("data").path("name").asText());
    assertEquals(20, event.path("data").path("linkedin").path("dailyConnectionRequests").asInt());
    assertEquals(100, event.path("data").path("linkedin").path("dailyMessages").asInt());
  }

  @Test
  void shouldPublishAnEventWrittenDuringABrokerOutageOnceTheBrokerIsBack() throws Exception {
    String queue = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED);
    TcpProxy rabbitMq = TcpProxy.rabbitMq(rabbitMqPort);
    rabbitMq.cut();

    String id = create("Katherine Johnson");

    // the identity exists and its event waits in the outbox, unpublished, while the broker is away
    assertEquals(1, outboxMessagesAbout(id, false));
    Awaitility.await().during(Duration.ofSeconds(2)).until(() -> broker.poll(queue) == null);
    assertEquals(0, outboxMessagesAbout(id, true));

    rabbitMq.restore();

    JsonNode event = eventAbout(queue, id, Duration.ofSeconds(20));
    assertEquals("Katherine Johnson", event.path("data").path("name").asText());
    Awaitility.await()
        .pollInSameThread() // the test's request context gives Hibernate its tenant
        .atMost(Duration.ofSeconds(5))
        .until(() -> outboxMessagesAbout(id, true) == 1);
    assertTrue(broker.noneContaining(queue, id, Duration.ofSeconds(1)), "published once");
  }

  @Test
  void shouldKeepAnEventNoQueueTakesAndPublishItOnceOneDoes() throws Exception {
    String id = create("Mary Jackson"); // no queue of this test's broker takes identity.created

    Awaitility.await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .until(() -> unroutableMessagesAbout(id) == 1);
    assertEquals(0, outboxMessagesAbout(id, true), "returned, so not published");
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics
            .lines()
            .anyMatch(l -> l.startsWith("identities_outbox_unroutable") && !l.endsWith(" 0.0")),
        "counted as unroutable");

    String queue = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED); // a queue now
    JsonNode event = eventAbout(queue, id, Duration.ofSeconds(20));
    assertEquals("Mary Jackson", event.path("data").path("name").asText());
    Awaitility.await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(5))
        .until(() -> outboxMessagesAbout(id, true) == 1);
  }

  @Test
  void shouldAnnounceEveryIdentityAgainWhenAServiceAsksOrAnOperatorDoes() throws Exception {
    String updates = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_UPDATED);
    String ada = create("Ada");
    String otherOrg = Tokens.newOrganization();
    String bea = new IdentityApi(otherOrg).createNamed("Bea");

    // as a service that starts with an empty replica asks (ReplicaBackfill)
    broker.publish(
        Exchanges.COMMANDS,
        EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE,
        events.write(
            events.envelope(
                EventTypes.IDENTITY_SNAPSHOTS_ANNOUNCE,
                ReplicaBackfill.PLATFORM,
                UUID.randomUUID().toString(),
                new SnapshotsWanted("a-new-service"))));
    Map<String, JsonNode> again = new HashMap<>(); // in no particular order
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              for (GetResponse r = broker.poll(updates); r != null; r = broker.poll(updates)) {
                JsonNode event = mapper.readTree(r.getBody());
                again.put(event.path("subject").asText(), event);
              }
              return again.containsKey(ada) && again.containsKey(bea);
            });
    assertEquals(org, again.get(ada).path("orgid").asText());
    assertEquals("Ada", again.get(ada).path("data").path("name").asText());
    assertEquals(otherOrg, again.get(bea).path("orgid").asText(), "each in its own organization");

    given()
        .auth()
        .oauth2(Tokens.member(org))
        .post("/admin/identities/announcements")
        .then()
        .statusCode(403);
    int announced =
        given()
            .auth()
            .oauth2(Tokens.withGroups(org, Set.of(Roles.OPERATOR)))
            .post("/admin/identities/announcements")
            .then()
            .statusCode(200)
            .extract()
            .path("identities");
    assertTrue(announced >= 2, "every identity: " + announced);
    eventAbout(updates, EventTypes.IDENTITY_UPDATED, ada, Duration.ofSeconds(15));
  }

  @Test
  void shouldPublishTheWholeSnapshotAfterEachChangeAndTheDeletion() throws Exception {
    String updates = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_UPDATED);
    String deletions = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_DELETED);
    IdentityApi api = new IdentityApi(org);
    String id = create("Ada");

    api.request()
        .body(
            "{\"dailyConnectionRequests\": 25, \"dailyMessages\": 90, \"autoWithdraw\": true, \"withdrawAfterDays\": 10}")
        .put("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(200);
    JsonNode linkedin =
        eventAbout(updates, EventTypes.IDENTITY_UPDATED, id, Duration.ofSeconds(10));
    assertEquals(1, linkedin.path("data").path("version").asLong());
    assertEquals(
        25, linkedin.path("data").path("linkedin").path("dailyConnectionRequests").asInt());
    assertEquals(90, linkedin.path("data").path("linkedin").path("dailyMessages").asInt());
    assertEquals(true, linkedin.path("data").path("linkedin").path("autoWithdraw").asBoolean());
    assertEquals(10, linkedin.path("data").path("linkedin").path("withdrawAfterDays").asInt());
    assertEquals(30, linkedin.path("data").path("email").path("dailyLimitPerInbox").asInt());
    assertEquals(
        "09:00",
        linkedin
            .path("data")
            .path("workingHours")
            .path("week")
            .path("MONDAY")
            .get(0)
            .path("start")
            .asText());

    api.request()
        .body("{\"mode\": \"RICH_TEXT\", \"html\": \"<b>Ada</b>\"}")
        .put("/api/identities/{id}/signature", id)
        .then()
        .statusCode(200);
    JsonNode signed = eventAbout(updates, EventTypes.IDENTITY_UPDATED, id, Duration.ofSeconds(10));
    assertEquals(2, signed.path("data").path("version").asLong());
    assertEquals("<b>Ada</b>", signed.path("data").path("email").path("signatureHtml").asText());
    assertEquals("Ada", signed.path("data").path("email").path("signatureText").asText());
    assertEquals(25, signed.path("data").path("linkedin").path("dailyConnectionRequests").asInt());

    api.request()
        .body("{\"dailyLimitPerInbox\": 20, \"hourlyLimitPerInbox\": 4}")
        .put("/api/identities/{id}/email-settings", id)
        .then()
        .statusCode(200);
    JsonNode limited = eventAbout(updates, EventTypes.IDENTITY_UPDATED, id, Duration.ofSeconds(10));
    assertEquals(20, limited.path("data").path("email").path("dailyLimitPerInbox").asInt());
    assertEquals(4, limited.path("data").path("email").path("hourlyLimitPerInbox").asInt());

    api.request()
        .body(
            "{\"timeZone\": \"Europe/Madrid\", \"week\": {\"SATURDAY\": [{\"start\": \"10:00\", \"end\": \"12:00\"}]}}")
        .put("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(200);
    JsonNode scheduled =
        eventAbout(updates, EventTypes.IDENTITY_UPDATED, id, Duration.ofSeconds(10));
    assertEquals(
        "Europe/Madrid", scheduled.path("data").path("workingHours").path("timeZone").asText());
    assertEquals(
        "10:00",
        scheduled
            .path("data")
            .path("workingHours")
            .path("week")
            .path("SATURDAY")
            .get(0)
            .path("start")
            .asText());

    api.request()
        .body("{\"name\": \"Ada Lovelace\"}")
        .put("/api/identities/{id}", id)
        .then()
        .statusCode(200);
    JsonNode renamed = eventAbout(updates, EventTypes.IDENTITY_UPDATED, id, Duration.ofSeconds(10));
    assertEquals("Ada Lovelace", renamed.path("data").path("name").asText());
    assertEquals(5, renamed.path("data").path("version").asLong());

    api.request().delete("/api/identities/{id}", id).then().statusCode(204);
    JsonNode deleted =
        eventAbout(deletions, EventTypes.IDENTITY_DELETED, id, Duration.ofSeconds(10));
    assertEquals(id, deleted.path("data").path("identityId").asText());
  }

  private JsonNode eventAbout(String queue, String id, Duration timeout) throws Exception {
    return eventAbout(queue, EventTypes.IDENTITY_CREATED, id, timeout);
  }

  private JsonNode eventAbout(String queue, String type, String id, Duration timeout)
      throws Exception {
    // other tests' events (tried again once a queue took them) may come first
    GetResponse response = broker.nextContaining(queue, "\"subject\":\"" + id + "\"", timeout);
    JsonNode event = mapper.readTree(response.getBody());
    assertEquals(type, event.path("type").asText());
    assertEquals(id, event.path("subject").asText());
    assertEquals(event.path("id").asText(), response.getProps().getMessageId());
    return event;
  }

  private static long outboxMessagesAbout(String id, boolean published) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                OutboxMessage.count(
                    "envelope like ?1 and publishedAt is " + (published ? "not null" : "null"),
                    "%\"subject\":\"" + id + "\"%"));
  }

  private static long unroutableMessagesAbout(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                OutboxMessage.count(
                    "envelope like ?1 and publishedAt is null and unroutableSince is not null"
                        + " and attempts > 0",
                    "%\"subject\":\"" + id + "\"%"));
  }

  private String create(String name) {
    return new IdentityApi(org).createNamed(name);
  }
}
