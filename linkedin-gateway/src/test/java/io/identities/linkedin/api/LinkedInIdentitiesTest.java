package io.identities.linkedin.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.KnownIdentities;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several identities' LinkedIn badges in one read, as a dashboard page lists them. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class LinkedInIdentitiesTest {

  @Inject Events events;
  @Inject EntityManager entityManager;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();
  private final LinkedInApi api = new LinkedInApi(org);

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldListEachKnownIdentitysStateInTheOrderAskedAndLeaveOutTheUnknown() {
    UUID connected = connected(true);
    UUID notConnected = KnownIdentities.announce(broker, events, org, "Nina");
    UUID disconnected = connected(false);
    api.request()
        .delete("/api/linkedin/identities/{id}/session", disconnected)
        .then()
        .statusCode(204);
    UUID restricted = connected(false);
    mark(restricted, "restricted_at");
    UUID held = connected(false);
    mark(held, "invitations_held_at");
    UUID unknown = UUID.randomUUID();

    list(ids(restricted, unknown, notConnected, connected, disconnected, held))
        .statusCode(200)
        .body(
            "items.identityId",
            contains(ids(restricted, notConnected, connected, disconnected, held).split(",")))
        .body(
            "items.status",
            contains("CONNECTED", "NOT_CONNECTED", "CONNECTED", "DISCONNECTED", "CONNECTED"))
        .body(
            "items.restrictedAt",
            contains(notNullValue(), nullValue(), nullValue(), nullValue(), nullValue()))
        .body(
            "items.invitationsHeldAt",
            contains(nullValue(), nullValue(), nullValue(), nullValue(), notNullValue()))
        .body("items.salesNavigator", contains(false, false, true, false, false))
        .body("items[1].name", equalTo("Nina"))
        .body("items[1].profile", nullValue())
        .body("items[1].connectedAt", nullValue())
        .body("items[2].name", equalTo("Nia"))
        .body("items[2].profile.firstName", equalTo("Nia"))
        .body("items[2].profile.headline", equalTo("Sales at Example"))
        .body("items[2].connectedAt", notNullValue())
        .body("items[3].profile.lastName", equalTo("Network"))
        .body("items", everyItem(not(hasKey("usage"))));
  }

  @Test
  void shouldTakeAHundredIdsGivenOneByOne() {
    UUID connected = connected(false);
    List<String> asked = new ArrayList<>(randomIds(99));
    asked.add(connected.toString());

    api.request()
        .queryParam("ids", asked)
        .get("/api/linkedin/identities")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].identityId", equalTo(connected.toString()))
        .body("items[0].status", equalTo("CONNECTED"));
  }

  @Test
  void shouldLeaveOutAnotherOrganizationsIdentityWithoutSayingItExists() {
    String otherOrg = Tokens.newOrganization();
    UUID theirs = KnownIdentities.announce(broker, events, otherOrg, "Theirs");

    list(theirs.toString()).statusCode(200).body("items", empty());
    new LinkedInApi(otherOrg)
        .request()
        .queryParam("ids", theirs.toString())
        .get("/api/linkedin/identities")
        .then()
        .statusCode(200)
        .body("items.identityId", contains(theirs.toString()));
  }

  @Test
  void shouldRefuseMoreThanAHundredIds() {
    refused(list(String.join(",", randomIds(101))));
  }

  @Test
  void shouldRefuseAValueThatIsNotAUuid() {
    refused(list(UUID.randomUUID() + ",not-an-id"));
    refused(list("1-1-1-1-1"));
  }

  @Test
  void shouldRefuseAMissingOrEmptyList() {
    refused(api.request().get("/api/linkedin/identities").then());
    refused(list(""));
    refused(list(" , "));
  }

  @Test
  void shouldRefuseACallerWithoutAToken() {
    given()
        .queryParam("ids", UUID.randomUUID().toString())
        .get("/api/linkedin/identities")
        .then()
        .statusCode(401);
  }

  /** A new identity of the organization with a LinkedIn account of its own, connected. */
  private UUID connected(boolean salesNavigator) {
    return LinkedInAccounts.connect(
            broker, events, api, org, LinkedInAccounts.defaults(), salesNavigator)
        .identity();
  }

  /** Sets one of the identity's times (restricted_at, invitations_held_at) to now. */
  private void mark(UUID identity, String column) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update linkedin_identity set "
                            + column
                            + " = now() where identity_id = ?1")
                    .setParameter(1, identity)
                    .executeUpdate());
  }

  private ValidatableResponse list(String ids) {
    return api.request().queryParam("ids", ids).get("/api/linkedin/identities").then();
  }

  private static void refused(ValidatableResponse response) {
    response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("ids"));
  }

  private static String ids(UUID... ids) {
    return Stream.of(ids).map(UUID::toString).collect(Collectors.joining(","));
  }

  private static List<String> randomIds(int count) {
    return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
  }
}
