package io.identities.email.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class InboxResourceTest {

  @Inject Events events;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldKnowAnIdentityCreatedElsewhereAndListItsInboxes() {
    UUID id = UUID.randomUUID();
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/email/identities/{id}/inboxes", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    EventEnvelope created =
        events.envelope(
            EventTypes.IDENTITY_CREATED, org, id.toString(), IdentitySnapshots.of(id, 0, "Ada"));
    broker.publish(events, created);

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(Tokens.member(org))
                        .get("/api/email/identities/{id}/inboxes", id)
                        .statusCode()
                    == 200);
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/email/identities/{id}/inboxes", id)
        .then()
        .body("$", empty());
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .get("/api/email/identities/{id}/inboxes", id)
        .then()
        .statusCode(404);
  }
}
