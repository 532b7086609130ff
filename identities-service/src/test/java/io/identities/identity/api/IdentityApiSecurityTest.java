package io.identities.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.identities.backbone.tenant.Roles;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each test spoils exactly one thing of an otherwise valid token. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentityApiSecurityTest {

  private final String org = Tokens.newOrganization();

  @Test
  void shouldAcceptAValidMemberToken() {
    given().auth().oauth2(Tokens.member(org)).get("/api/identities").then().statusCode(200);
  }

  @Test
  void shouldRejectARequestWithoutToken() {
    assertUnauthorized(given().get("/api/identities").then());
  }

  @Test
  void shouldRejectAnExpiredToken() {
    String expired =
        Tokens.claims(org, Set.of(Roles.MEMBER))
            .issuedAt(Instant.now().minusSeconds(3600))
            .expiresAt(Instant.now().minusSeconds(600))
            .sign();
    assertUnauthorized(given().auth().oauth2(expired).get("/api/identities").then());
  }

  @Test
  void shouldRejectATokenSignedByAnotherKey() {
    String forged = Tokens.signedByStranger(Tokens.claims(org, Set.of(Roles.MEMBER)));
    assertUnauthorized(given().auth().oauth2(forged).get("/api/identities").then());
  }

  @Test
  void shouldRejectATokenFromAnotherIssuer() {
    String foreign = Tokens.claims(org, Set.of(Roles.MEMBER)).issuer("https://evil.example").sign();
    assertUnauthorized(given().auth().oauth2(foreign).get("/api/identities").then());
  }

  @Test
  void shouldRejectATokenForAnotherAudience() {
    String foreign = Tokens.claims(org, Set.of(Roles.MEMBER)).audience("another-api").sign();
    assertUnauthorized(given().auth().oauth2(foreign).get("/api/identities").then());
  }

  @Test
  void shouldRejectGarbageInsteadOfAToken() {
    assertUnauthorized(given().auth().oauth2("not.a.jwt").get("/api/identities").then());
  }

  @Test
  void shouldForbidATokenWithoutTheMemberRole() {
    given()
        .auth()
        .oauth2(Tokens.withGroups(org, Set.of("viewer")))
        .get("/api/identities")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void shouldForbidATokenThatNamesNoOrganization() {
    String orphan = Tokens.claims(org, Set.of(Roles.MEMBER)).remove("org_id").sign();
    given()
        .auth()
        .oauth2(orphan)
        .get("/api/identities")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("org_id"));
  }

  @Test
  void shouldAnswerUnknownAddressesWithAProblemNotAPage() {
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get("/api/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body(not(containsString("<html")));
  }

  private static void assertUnauthorized(ValidatableResponse response) {
    response
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401))
        .body("title", equalTo("Unauthorized"));
  }
}
