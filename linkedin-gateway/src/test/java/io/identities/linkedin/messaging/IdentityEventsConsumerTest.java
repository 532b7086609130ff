package io.identities.linkedin.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.IdentityDeleted;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.messaging.Retries;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TcpProxy;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class IdentityEventsConsumerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(15);

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
  void shouldShowAnIdentityCreatedElsewhereAsNotConnectedWithItsLimits() {
    UUID id = UUID.randomUUID();

    publish(created(id, "Ada Lovelace"));

    awaitIdentity(id)
        .body("name", equalTo("Ada Lovelace"))
        .body("status", equalTo("NOT_CONNECTED"))
        .body("limits.dailyConnectionRequests", equalTo(20))
        .body("limits.dailyMessages", equalTo(100));
  }

  @Test
  void shouldAnswer404ForAnIdentityItHasNotHeardOfOrOfAnotherOrganization() {
    UUID id = UUID.randomUUID();
    publish(created(id, "Mine"));
    awaitIdentity(id);

    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .get("/api/linkedin/identities/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldFollowUpdatesAndIgnoreAnOlderSnapshot() {
    UUID id = UUID.randomUUID();
    publish(created(id, "Ada"));
    publish(
        event(EventTypes.IDENTITY_UPDATED, IdentitySnapshots.withLimits(id, 2, "Ada L.", 35, 120)));
    publish(event(EventTypes.IDENTITY_UPDATED, IdentitySnapshots.withLimits(id, 1, "Stale", 5, 5)));
    UUID later = UUID.randomUUID();
    publish(created(later, "Published after the updates"));
    awaitIdentity(later);

    awaitIdentity(id)
        .body("name", equalTo("Ada L."))
        .body("limits.dailyConnectionRequests", equalTo(35))
        .body("limits.dailyMessages", equalTo(120));
  }

  @Test
  void shouldForgetADeletedIdentityForGoodEvenWhenALateSnapshotOfItArrives() {
    UUID id = UUID.randomUUID();
    publish(created(id, "Short-lived"));
    awaitIdentity(id);

    publish(event(EventTypes.IDENTITY_DELETED, new IdentityDeleted(id)));

    Awaitility.await().atMost(DEADLINE).until(() -> status(id) == 404);

    // an update published before the deletion, delivered again after it
    publish(event(EventTypes.IDENTITY_UPDATED, IdentitySnapshots.of(id, 2, "Back again?")));
    UUID later = UUID.randomUUID();
    publish(created(later, "Published after the late update")); // one queue, in order
    awaitIdentity(later);
    assertEquals(404, status(id), "a deleted identity does not come back");
  }

  private int status(UUID id) {
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", id)
        .statusCode();
  }

  @Test
  void shouldApplyARedeliveredEventOnlyOnce() {
    UUID id = UUID.randomUUID();
    EventEnvelope first = created(id, "First delivery");
    EventEnvelope redelivered = withName(first, "Second delivery of the same event");

    publish(first);
    publish(redelivered);
    UUID later = UUID.randomUUID();
    publish(created(later, "Published after both"));
    awaitIdentity(later); // one queue, one consumer: both deliveries are behind us

    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", id)
        .then()
        .body("name", equalTo("First delivery"));
  }

  @Test
  void shouldDeadLetterAnUnreadableMessageAtOnceAndKeepConsumingTheNextOnes() {
    String poison = "{\"poison\": \"" + UUID.randomUUID() + "\"}";
    broker.publish(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED, poison);
    UUID next = UUID.randomUUID();
    publish(created(next, "After the poison"));

    GetResponse deadLetter = broker.nextContaining("linkedin-gateway.dlq", poison, DEADLINE);
    Map<String, Object> headers = deadLetter.getProps().getHeaders();
    assertEquals(1, headers.get(Retries.ATTEMPTS), "no retry can make it readable");
    assertTrue(
        headers.get(Retries.LAST_ERROR).toString().contains("MalformedEventException"),
        headers.toString());
    awaitIdentity(next).body("name", equalTo("After the poison"));
  }

  @Test
  void shouldKeepConsumingAfterTheBrokerConnectionWasLost() {
    TcpProxy rabbitMq = TcpProxy.rabbitMq(rabbitMqPort);
    rabbitMq.cut();
    UUID id = UUID.randomUUID();
    publish(created(id, "Published while the gateway was cut off")); // straight to the broker
    rabbitMq.restore();

    awaitIdentity(id, Duration.ofSeconds(60))
        .body("name", equalTo("Published while the gateway was cut off"));
  }

  private io.restassured.response.ValidatableResponse awaitIdentity(UUID id) {
    return awaitIdentity(id, DEADLINE);
  }

  private io.restassured.response.ValidatableResponse awaitIdentity(UUID id, Duration deadline) {
    Awaitility.await()
        .atMost(deadline)
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(Tokens.member(org))
                        .get("/api/linkedin/identities/{id}", id)
                        .statusCode()
                    == 200);
    return given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/linkedin/identities/{id}", id)
        .then()
        .statusCode(200);
  }

  private EventEnvelope created(UUID id, String name) {
    return events.envelope(
        EventTypes.IDENTITY_CREATED, org, id.toString(), IdentitySnapshots.of(id, 0, name));
  }

  private EventEnvelope event(String type, Object data) {
    return events.envelope(type, org, UUID.randomUUID().toString(), data);
  }

  private EventEnvelope withName(EventEnvelope event, String name) {
    IdentitySnapshot snapshot = events.data(event, IdentitySnapshot.class);
    EventEnvelope renamed =
        events.envelope(
            event.type(),
            event.orgid(),
            event.subject(),
            IdentitySnapshots.of(snapshot.identityId(), snapshot.version(), name));
    return new EventEnvelope(
        event.id(),
        renamed.type(),
        renamed.source(),
        renamed.specversion(),
        renamed.time(),
        renamed.subject(),
        renamed.datacontenttype(),
        renamed.orgid(),
        renamed.data());
  }

  private void publish(EventEnvelope event) {
    broker.publish(events, event);
  }
}
