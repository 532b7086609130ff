package io.identities.email.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.tenant.Roles;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.EmailApi;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message whose handler fails waits before each retry (the tests' delays: 300 ms, 1 s, 2 s), then
 * goes to the dead-letter queue, whose depth operators see and which they replay once fixed.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class DelayedRetriesTest {

  private static final String DEAD_LETTERS = "/admin/dead-letters";

  @Inject Events events;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldSendACommandThatArrivedBeforeItsIdentityOnceTheIdentityIsKnown() {
    UUID identity = UUID.randomUUID();
    EventEnvelope command = sendTo(identity);
    scenario.broker.publish(Exchanges.COMMANDS, EventTypes.EMAIL_SEND, events.write(command));

    // the identity's replica comes a moment after the command (its event was on its way)
    EmailApi.identity(
        scenario.broker, events, scenario.org, IdentitySnapshots.of(identity, 0, "Ada"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> sendStatus(identity, command) == 200);
  }

  @Test
  void shouldDeadLetterAfterTheRetriesAndReplayOnceFixed() {
    String operator = Tokens.withGroups(scenario.org, Set.of(Roles.OPERATOR));
    given().auth().oauth2(Tokens.member(scenario.org)).get(DEAD_LETTERS).then().statusCode(403);
    long before = depth(operator);
    UUID identity = UUID.randomUUID();
    EventEnvelope command = sendTo(identity);
    scenario.broker.publish(Exchanges.COMMANDS, EventTypes.EMAIL_SEND, events.write(command));

    Awaitility.await() // 1 try and 3 retries, 3.3 s of delays
        .atMost(Duration.ofSeconds(20))
        .until(() -> depth(operator) == before + 1);
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("identities_messaging_dead_letters{queue=\"email-gateway.dlq\"")
                        && !line.endsWith(" 0.0")),
        "the depth is a metric");
    assertEquals(404, sendStatus(identity, command), "never handled");

    EmailApi.identity(
        scenario.broker, events, scenario.org, IdentitySnapshots.of(identity, 0, "Ada"));
    given()
        .auth()
        .oauth2(operator)
        .post(DEAD_LETTERS + "/replay")
        .then()
        .statusCode(200)
        .body("queue", org.hamcrest.Matchers.equalTo("email-gateway.dlq"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> sendStatus(identity, command) == 200);
  }

  private EventEnvelope sendTo(UUID identity) {
    return events.envelope(
        EventTypes.EMAIL_SEND,
        scenario.org,
        identity.toString(),
        new SendEmail(
            identity,
            UUID.randomUUID(),
            scenario.campaign,
            1,
            scenario.recipient("early"),
            "Early",
            null,
            "Hello",
            false,
            null));
  }

  private int sendStatus(UUID identity, EventEnvelope command) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/sends/{send}", identity, command.id())
        .statusCode();
  }

  private static long depth(String operator) {
    return given()
        .auth()
        .oauth2(operator)
        .get(DEAD_LETTERS)
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("messages")
        .longValue();
  }
}
