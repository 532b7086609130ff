package io.identities.warmup.orders;

import static io.identities.warmup.support.WarmupApi.WARMUP;
import static io.identities.warmup.support.WarmupApi.api;
import static io.identities.warmup.support.WarmupApi.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.warmup.support.StripeSimulatorResource;
import io.identities.warmup.support.WarmupApi;
import io.identities.warmup.support.WarmupApi.Warming;
import io.identities.warmup.support.WarmupScenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-ups of a dashboard's page of identities in one request: each identity of the
 * organization with an order in brief, as its own warm-up says it; the others left out.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class WarmupSummariesTest {

  private static final String SUMMARIES = "/api/warmup/identities";
  private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
  private static final Set<String> SUMMARY =
      Set.of("identityId", "state", "reason", "ready", "day", "days", "startedAt", "endsAt");

  @Inject Events events;

  @RegisterExtension final WarmupScenario scenario = new WarmupScenario(MONDAY);
  private final String org = Tokens.newOrganization();

  @Test
  void shouldSumUpTheWarmupsOfTheOrganizationsIdentitiesThatHaveAnOrder() {
    Warming ada = scenario.warming(org, "ada@warm.example");
    UUID bob = identityWithInbox(org, "bob@warm.example");
    order(org, bob, "bob-unpaid");
    UUID carol = identity(org);
    String otherOrg = Tokens.newOrganization();
    UUID stranger = identityWithInbox(otherOrg, "eve@warm.example");
    order(otherOrg, stranger, "eve-unpaid");
    scenario.clock().advance(Duration.ofDays(4));

    JsonPath summaries =
        api(org)
            .queryParam("ids", bob + "," + carol)
            .queryParam("ids", ada.identity() + "," + stranger + "," + UUID.randomUUID())
            .get(SUMMARIES)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .extract()
            .jsonPath();

    Map<String, Object> pending = summaries.getMap("items[0]");
    assertEquals(bob.toString(), pending.get("identityId"), "in the order asked");
    assertEquals("PENDING_PAYMENT", pending.get("state"));
    assertNull(pending.get("day"));
    assertEquals(21, pending.get("days"));
    assertNull(pending.get("startedAt"));
    Map<String, Object> warming = summaries.getMap("items[1]");
    assertEquals(ada.identity().toString(), warming.get("identityId"));
    assertEquals("WARMING", warming.get("state"));
    assertEquals(5, warming.get("day"), "Friday: day 5 of the warm-up paid on Monday");
    assertEquals(21, warming.get("days"));
    assertEquals(
        Instant.parse((String) warming.get("startedAt")).plus(Duration.ofDays(21)),
        Instant.parse((String) warming.get("endsAt")));
    for (Map<String, Object> summary : List.of(pending, warming)) {
      assertEquals(SUMMARY, summary.keySet(), "in brief: no inboxes, no order");
      assertEquals(
          single(UUID.fromString((String) summary.get("identityId"))),
          summary,
          "as the identity's own warm-up says it");
    }
  }

  @Test
  void shouldAnswerNoItemsForIdentitiesWithoutAnOrder() {
    UUID carol = identity(org);

    api(org)
        .queryParam("ids", carol.toString())
        .get(SUMMARIES)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void shouldRefuseAMissingListMoreThanOneHundredIdsOrOneThatIsNotAUuid() {
    String hundredAndOne =
        Stream.generate(UUID::randomUUID)
            .limit(101)
            .map(UUID::toString)
            .collect(Collectors.joining(","));
    String hundred = hundredAndOne.substring(hundredAndOne.indexOf(',') + 1);

    api(org).queryParam("ids", hundred).get(SUMMARIES).then().statusCode(200);
    refused(Map.of("ids", hundredAndOne), "at most 100 identity ids, got 101");
    refused(Map.of(), "give 1 to 100 identity ids, comma-separated or repeated");
    refused(Map.of("ids", ""), "give 1 to 100 identity ids, comma-separated or repeated");
    refused(Map.of("ids", UUID.randomUUID() + ",ada"), "'ada' is not an identity id (a UUID)");
    refused(Map.of("ids", "1-2-3-4-5"), "'1-2-3-4-5' is not an identity id (a UUID)");
    refused(Map.of("ids", " , "), "give 1 to 100 identity ids, comma-separated or repeated");
  }

  @Test
  void shouldRefuseACallerWithoutAToken() {
    given().queryParam("ids", UUID.randomUUID().toString()).get(SUMMARIES).then().statusCode(401);
  }

  private void refused(Map<String, String> query, String message) {
    api(org)
        .queryParams(query)
        .get(SUMMARIES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("ids"))
        .body("errors[0].message", equalTo(message));
  }

  /** The summary's members of the identity's own warm-up. */
  private Map<String, Object> single(UUID identity) {
    Map<String, Object> view =
        new HashMap<>(
            api(org).get(WARMUP, identity).then().statusCode(200).extract().jsonPath().getMap("$"));
    view.keySet().retainAll(SUMMARY);
    return view;
  }

  private UUID identity(String organization) {
    return WarmupApi.identity(
        scenario.broker, events, organization, IdentitySnapshots.of(UUID.randomUUID(), 0, "Ada"));
  }

  private UUID identityWithInbox(String organization, String address) {
    UUID identity = identity(organization);
    WarmupApi.inbox(scenario.broker, events, organization, identity, address);
    return identity;
  }
}
