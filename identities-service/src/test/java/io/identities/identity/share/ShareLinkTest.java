package io.identities.identity.share;

import static io.restassured.RestAssured.given;
import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.tenant.Roles;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Making share links: a 24-hour URL for the creator, only the token's hash on the bus. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class ShareLinkTest {

  @Inject ObjectMapper mapper;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();
  private final String token =
      Tokens.claims(org, Set.of(Roles.MEMBER))
          .claim("org_name", "Acme Outreach")
          .claim("name", "Grace Hopper")
          .sign();

  @AfterEach
  void closeProbe() throws Exception {
    broker.close();
  }

  @Test
  void shouldMakeALinkForANewIdentityAndAnnounceOnlyItsHash() throws Exception {
    String queue = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_SHARE_LINK_CREATED);
    Instant before = Instant.now();

    Response created =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"identityName\": \"Partner agency\"}")
            .post("/api/identities/share-links");

    created
        .then()
        .statusCode(201)
        .body("url", matchesPattern("http://localhost:8082/share/[A-Za-z0-9_-]{43}"));
    String url = created.path("url");
    String secret = url.substring(url.lastIndexOf('/') + 1);
    assertEquals(32, Base64.getUrlDecoder().decode(secret).length, "256 random bits");
    Instant expiresAt = Instant.parse(created.path("expiresAt"));
    assertTrue(
        Duration.between(before, expiresAt).compareTo(Duration.ofHours(24).minusSeconds(5)) > 0
            && Duration.between(before, expiresAt).compareTo(Duration.ofHours(24).plusSeconds(5))
                < 0,
        "valid 24 hours: " + expiresAt);

    String body =
        new String(
            broker
                .nextContaining(queue, ShareLinkTokens.hash(secret), Duration.ofSeconds(10))
                .getBody());
    assertFalse(body.contains(secret), "the token itself never travels");
    JsonNode data = mapper.readTree(body).path("data");
    assertEquals("Acme Outreach", data.path("organizationName").asText());
    assertEquals("Grace Hopper", data.path("invitedBy").asText());
    assertEquals("Partner agency", data.path("identityName").asText());
    assertTrue(data.path("identityId").isNull());
    assertEquals(org, mapper.readTree(body).path("orgid").asText());
  }

  @Test
  void shouldTakeABarePostWhereTheBodyIsOptionalAndNameTheBodyWhereItIsNot() throws Exception {
    // as `curl -X POST` sends it: no body, no Content-Type
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> link = http.send(barePost("/api/identities/share-links"), ofString());
    assertEquals(201, link.statusCode(), link.body());
    assertTrue(link.body().contains("/share/"), link.body());

    HttpResponse<String> identity = http.send(barePost("/api/identities"), ofString());
    assertEquals(400, identity.statusCode(), identity.body());
    assertEquals(
        "application/problem+json", identity.headers().firstValue("Content-Type").orElse(""));
  }

  private HttpRequest barePost(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  @Test
  void shouldMakeAnUpdateLinkForAnIdentityOfTheCallersOrganizationOnly() throws Exception {
    String queue = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_SHARE_LINK_CREATED);
    String id = new IdentityApi(org).createNamed("Ada Lovelace");

    String url =
        given()
            .auth()
            .oauth2(token)
            .post("/api/identities/{id}/share-links", id)
            .then()
            .statusCode(201)
            .extract()
            .path("url");

    String hash = ShareLinkTokens.hash(url.substring(url.lastIndexOf('/') + 1));
    JsonNode data =
        mapper
            .readTree(broker.nextContaining(queue, hash, Duration.ofSeconds(10)).getBody())
            .path("data");
    assertEquals(id, data.path("identityId").asText());
    assertEquals("Ada Lovelace", data.path("identityName").asText());
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .post("/api/identities/{id}/share-links", id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .post("/api/identities/{id}/share-links", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseCallersWithoutAToken() {
    given().post("/api/identities/share-links").then().statusCode(401);
  }
}
