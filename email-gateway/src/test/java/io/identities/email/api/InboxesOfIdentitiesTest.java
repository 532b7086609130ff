package io.identities.email.api;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.identity;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's one read of many identities' inboxes, against a real SMTP/IMAP server. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class InboxesOfIdentitiesTest {

  /** A Wednesday, mid-morning UTC: the same next slots for every read of the test. */
  private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

  @Inject Events events;
  @Inject TestClock clock;

  @RegisterExtension final Scenario scenario = new Scenario();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void shouldListTheInboxesOfTheOrganizationsIdentitiesAsEachIdentitysOwnListDoes() {
    clock.set(WEDNESDAY);
    UUID ada = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String adaSender = scenario.address("ada-sender");
    inbox(scenario.mail(), scenario.org, ada, adaSender);
    UUID send =
        queued(
            scenario.org,
            ada,
            email(UUID.randomUUID(), scenario.campaign, 1, scenario.recipient("lead"), "Hello"));
    awaitStatus(scenario.org, ada, send, "SENT");
    String adaPaused = scenario.address("ada-paused"); // before the sender by address
    inbox(scenario.mail(), scenario.org, ada, adaPaused);
    scenario.mail().changePassword(adaPaused, "changed by its owner"); // refused: paused

    UUID grace =
        identity(
            scenario.broker,
            events,
            scenario.org,
            IdentitySnapshots.withEmail(
                UUID.randomUUID(),
                0,
                "Grace",
                new IdentitySnapshot.EmailSettings(30, 5, null, null),
                IdentitySnapshots.alwaysWorking("Pacific/Kiritimati"))); // another day start
    String graceOnly = scenario.address("grace");
    UUID graceInbox = inbox(scenario.mail(), scenario.org, grace, graceOnly);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", grace, graceInbox)
        .then()
        .statusCode(200);

    String otherOrg = Tokens.newOrganization();
    UUID elsewhere = identity(scenario.broker, events, otherOrg, "Ada elsewhere");
    inbox(scenario.mail(), otherOrg, elsewhere, scenario.address("elsewhere"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ownList(ada).jsonPath().getList("status").contains("PAUSED"));

    List<Object> ownLists = new ArrayList<>(ownList(ada).jsonPath().getList("$"));
    Collections.reverse(ownLists); // oldest first there, by address here
    ownLists.addAll(ownList(grace).jsonPath().getList("$"));

    Response all =
        inboxes(
            given()
                .queryParam("identityIds", List.of(ada + "," + UUID.randomUUID(), elsewhere + ""))
                .queryParam("identityIds", grace.toString()));

    all.then()
        .statusCode(200)
        .body("items.address", contains(adaPaused, adaSender, graceOnly))
        .body("items.identityId", contains(ada + "", ada + "", grace + ""))
        .body("items.status", contains("PAUSED", "CONNECTED", "DISCONNECTED"))
        .body("items[0].statusReason", containsString("refused the credentials"))
        .body("items[1].sentToday", equalTo(1))
        .body("items[1].nextSlot", equalTo(WEDNESDAY.toString()));
    assertEquals(ownLists, all.jsonPath().getList("items"), "each as its identity's list shows it");
    assertFalse(all.asString().contains("pw-" + adaSender), "never a password");
    inboxes(given().queryParam("identityIds", grace + "," + ada))
        .then()
        .body("items.address", contains(graceOnly, adaPaused, adaSender));
  }

  @Test
  void shouldRefuseAMissingOrEmptyListTooManyIdsOrOneThatIsNotAUuid() {
    refused(given(), "give 1 to 100");
    refused(given().queryParam("identityIds", ""), "give 1 to 100");
    refused(given().queryParam("identityIds", " , "), "give 1 to 100");
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID() + "").toList();
    inboxes(given().queryParam("identityIds", String.join(",", hundred)))
        .then()
        .statusCode(200)
        .body("items", empty());
    refused(
        given().queryParam("identityIds", hundred).queryParam("identityIds", UUID.randomUUID()),
        "at most 100");
    refused(given().queryParam("identityIds", UUID.randomUUID() + ",ada"), "UUID");
    refused(given().queryParam("identityIds", "1-2-3-4-5"), "UUID");

    given()
        .queryParam("identityIds", UUID.randomUUID())
        .get("/api/email/inboxes")
        .then()
        .statusCode(401);
  }

  private void refused(RequestSpecification request, String message) {
    inboxes(request)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("identityIds"))
        .body("errors[0].message", containsString(message));
  }

  private Response inboxes(RequestSpecification request) {
    return request.auth().oauth2(Tokens.member(scenario.org)).get("/api/email/inboxes");
  }

  private Response ownList(UUID identity) {
    return given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity);
  }
}
