package io.identities.identity.share;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spending share links at the keeper, as the gateways' pages do through {@link ShareLinkKeeper}:
 * without a platform token, once per link whichever page spends it.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class ShareLinkSpendingTest {

  @Inject ObjectMapper mapper;
  @Inject TestClock clock;

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);
  private final BrokerProbe broker = new BrokerProbe();

  @AfterEach
  void resetClockAndCloseProbe() throws Exception {
    clock.reset();
    broker.close();
  }

  @Test
  void shouldSpendAnUpdateLinkOnceWhicheverPageSpendsIt() throws Exception {
    String spentEvents = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_SHARE_LINK_SPENT);
    String id = api.createNamed("Ada Lovelace");
    String token = token(api.request().post("/api/identities/{id}/share-links", id).path("url"));

    String linkId =
        spend(token, "sign-in-1", "linkedin")
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("orgId", equalTo(org))
            .body("identityId", equalTo(id))
            .extract()
            .path("linkId");
    spend(token, "sign-in-1", "linkedin") // the same page's retry after a lost answer
        .statusCode(200)
        .body("linkId", equalTo(linkId))
        .body("identityId", equalTo(id));
    spend(token, "inbox-page-7", "email")
        .statusCode(410)
        .contentType("application/problem+json")
        .body("status", equalTo(410))
        .body("reason", equalTo("USED"));

    JsonNode spent =
        mapper
            .readTree(broker.nextContaining(spentEvents, linkId, Duration.ofSeconds(10)).getBody())
            .path("data");
    assertEquals("linkedin", spent.path("spentOn").asText());
    assertTrue(
        broker.noneContaining(spentEvents, linkId, Duration.ofSeconds(2)),
        "announced once, not again for the retry");
  }

  @Test
  void shouldSpendALinkForANewIdentityWithoutAnIdentity() {
    String token =
        token(
            api.request()
                .body("{\"identityName\": \"Partner agency\"}")
                .post("/api/identities/share-links")
                .path("url"));

    spend(token, "sign-in", "linkedin")
        .statusCode(200)
        .body("orgId", equalTo(org))
        .body("identityId", nullValue());
  }

  @Test
  void shouldRefuseAnExpiredLinkAnUnknownTokenAndABadBody() {
    String token = token(api.request().post("/api/identities/share-links").path("url"));
    clock.advance(Duration.ofHours(24).plusSeconds(1));

    spend(token, "sign-in", "email")
        .statusCode(410)
        .contentType("application/problem+json")
        .body("reason", equalTo("EXPIRED"));
    spend("no-such-token", "sign-in", "email")
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"token\": \"" + token + "\", \"spentOn\": \"fax\"}")
        .post(ShareLinkKeeper.SPENDING_PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("claim", "spentOn"));
  }

  @Test
  void shouldLetExactlyOneOfConcurrentSpendersSpendIt() throws Exception {
    String token = token(api.request().post("/api/identities/share-links").path("url"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CountDownLatch start = new CountDownLatch(1);

    List<CompletableFuture<HttpResponse<String>>> spenders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String body =
          "{\"token\": \"%s\", \"claim\": \"browser-%d\", \"spentOn\": \"%s\"}"
              .formatted(token, i, i % 2 == 0 ? "linkedin" : "email");
      spenders.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                  return http.send(spendingRequest(body), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              command -> new Thread(command).start()));
    }
    start.countDown();

    List<HttpResponse<String>> answers = spenders.stream().map(CompletableFuture::join).toList();
    assertEquals(
        1, answers.stream().filter(answer -> answer.statusCode() == 200).count(), "one spends it");
    assertEquals(
        7,
        answers.stream()
            .filter(answer -> answer.statusCode() == 410 && answer.body().contains("\"USED\""))
            .count(),
        "the others find it used: " + answers.stream().map(HttpResponse::body).toList());
  }

  private HttpRequest spendingRequest(String body) {
    return HttpRequest.newBuilder(
            URI.create("http://localhost:" + RestAssured.port + ShareLinkKeeper.SPENDING_PATH))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** As the pages spend it: no Authorization header at all. */
  private static ValidatableResponse spend(String token, String claim, String spentOn) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"token\": \"%s\", \"claim\": \"%s\", \"spentOn\": \"%s\"}"
                .formatted(token, claim, spentOn))
        .post(ShareLinkKeeper.SPENDING_PATH)
        .then();
  }

  private static String token(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
