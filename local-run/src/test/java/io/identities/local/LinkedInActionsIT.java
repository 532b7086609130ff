package io.identities.local;

import static io.identities.local.LocalPlatform.IDENTITIES;
import static io.identities.local.LocalPlatform.LINKEDIN;
import static io.identities.local.LocalPlatform.LINKEDIN_REPLICA;
import static io.identities.local.LocalPlatform.SIMULATOR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LinkedIn actions through the running platform: the README's walk-through (invite, see it pending,
 * accept it in the simulator, see "Connections 1 / 1" on the dashboard, message the new connection,
 * withdraw an invitation, fail to re-invite), and two linkedin-gateway replicas on one database
 * sharing an identity's limit.
 */
class LinkedInActionsIT {

  private static String token;

  @BeforeAll
  static void startThePlatform() throws Exception {
    token = LocalPlatform.token();
  }

  @Test
  void shouldWalkThroughInvitingAcceptingMessagingAndWithdrawing() {
    String identity = identity("Max Reach");
    connect(identity, "max@example.com");

    String invitation =
        act(
            LINKEDIN,
            identity,
            "linkedin.invitation.send",
            "alan-turing",
            Map.of("note", "Hello Alan"));
    awaitStatus(identity, invitation, "DONE");
    api()
        .get(LINKEDIN + "/api/linkedin/identities/" + identity + "/invitations?status=PENDING")
        .then()
        .body("items.id", hasItem(invitation));

    given()
        .post(SIMULATOR + "/simulator/accounts/max@example.com/invitations/alan-turing/accept")
        .then()
        .statusCode(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api()
                        .get(IDENTITIES + "/api/identities/" + identity + "/stats")
                        .then()
                        .extract()
                        .<Integer>path("connections.accepted")
                    == 1);
    api()
        .get(IDENTITIES + "/api/identities/" + identity + "/stats")
        .then()
        .body("connections.sent", equalTo(1));

    String message =
        act(
            LINKEDIN,
            identity,
            "linkedin.message.send",
            "alan-turing",
            Map.of("text", "Thanks for connecting!"));
    awaitStatus(identity, message, "DONE");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api()
                        .get(IDENTITIES + "/api/identities/" + identity + "/stats")
                        .then()
                        .extract()
                        .<Integer>path("messages.sent")
                    == 1);

    String old = act(LINKEDIN, identity, "linkedin.invitation.send", "dennis-ritchie", Map.of());
    awaitStatus(identity, old, "DONE");
    String withdrawal =
        api()
            .body(Map.of("invitationIds", List.of(old)))
            .post(LINKEDIN + "/api/linkedin/identities/" + identity + "/invitations/withdrawals")
            .then()
            .statusCode(202)
            .extract()
            .path("withdrawing[0].actionId");
    awaitStatus(identity, withdrawal, "DONE");

    String again = act(LINKEDIN, identity, "linkedin.invitation.send", "dennis-ritchie", Map.of());
    JsonPath refused = awaitStatus(identity, again, "FAILED");
    assertEquals("COOLDOWN", refused.getString("failure.code"));
  }

  @Test
  void shouldShareAnIdentitysLimitBetweenTwoReplicasAndDoEachActionOnce() {
    String identity = identity("Ada Replicated");
    api()
        .body(
            "{\"dailyConnectionRequests\": 25, \"dailyMessages\": 100, \"autoWithdraw\": false,"
                + " \"withdrawAfterDays\": 7}")
        .put(IDENTITIES + "/api/identities/" + identity + "/linkedin-settings")
        .then()
        .statusCode(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api()
                        .get(LINKEDIN_REPLICA + "/api/linkedin/identities/" + identity)
                        .then()
                        .extract()
                        .<Integer>path("limits.dailyConnectionRequests")
                    == 25);
    connect(identity, "ada+replicas@example.com"); // a new account: day 0 of its ramp-up, 5 a day
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> invitations = new ArrayList<>();
    for (int i = 0; i < 12; i++) { // asked of both replicas in turn
      invitations.add(
          act(
              i % 2 == 0 ? LINKEDIN : LINKEDIN_REPLICA,
              identity,
              "linkedin.invitation.send",
              "lead-" + run + "-" + i,
              Map.of()));
    }

    Instant tomorrow =
        LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count(identity, invitations, "DONE") == 5
                    && waitingFor(identity, invitations, tomorrow) == 7);
    List<String> received =
        given()
            .get(SIMULATOR + "/simulator/accounts/ada+replicas@example.com/invitations")
            .then()
            .statusCode(200)
            .extract()
            .<String>jsonPath()
            .getList("toSlug", String.class)
            .stream()
            .filter(slug -> slug.startsWith("lead-" + run))
            .toList();
    assertEquals(5, received.size(), "LinkedIn got as many invitations as the day allows");
    assertEquals(5, new HashSet<>(received).size(), "none twice");
  }

  private static long count(String identity, List<String> actions, String status) {
    return actions.stream()
        .filter(id -> status.equals(action(LINKEDIN, identity, id).getString("status")))
        .count();
  }

  private static long waitingFor(String identity, List<String> actions, Instant slot) {
    return actions.stream()
        .map(id -> action(LINKEDIN_REPLICA, identity, id))
        .filter(
            a ->
                "QUEUED".equals(a.getString("status"))
                    && slot.toString().equals(a.getString("notBefore")))
        .count();
  }

  private static String identity(String name) {
    String id =
        api()
            .body(Map.of("name", name))
            .post(IDENTITIES + "/api/identities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api()
        .body(PlatformClient.ALWAYS_WORKING)
        .put(IDENTITIES + "/api/identities/" + id + "/working-hours")
        .then()
        .statusCode(200);
    LocalPlatform.awaitFound(LINKEDIN + "/api/linkedin/identities/" + id);
    return id;
  }

  private static void connect(String identity, String email) {
    api()
        .body(Map.of("identityId", identity, "email", email, "password", "correct horse battery"))
        .post(LINKEDIN + "/api/linkedin/connections")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));
  }

  private static String act(
      String gateway, String identity, String type, String slug, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("type", type);
    body.put("person", "https://www.linkedin.com/in/" + slug);
    return api()
        .body(body)
        .post(gateway + "/api/linkedin/identities/" + identity + "/actions")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static JsonPath awaitStatus(String identity, String action, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> action(LINKEDIN, identity, action),
            found -> status.equals(found.getString("status")));
  }

  private static JsonPath action(String gateway, String identity, String action) {
    return api()
        .get(gateway + "/api/linkedin/identities/" + identity + "/actions/" + action)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static RequestSpecification api() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }
}
