package io.identities.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentityResourceTest {

  private final String org = Tokens.newOrganization();
  private final String token = Tokens.member(org);

  @Test
  void shouldCreateAnIdentityWithTheDefaultLinkedInLimits() {
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"name\": \"  Ada Lovelace \"}")
            .post("/api/identities")
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .header("ETag", notNullValue())
            .body("name", equalTo("Ada Lovelace"))
            .body("linkedinSettings.dailyConnectionRequests", equalTo(20))
            .body("linkedinSettings.dailyMessages", equalTo(100))
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(token)
        .get("/api/identities/{id}", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Ada Lovelace"));
  }

  @Test
  void shouldListTheOrganizationsIdentitiesPageByPage() {
    for (String name : new String[] {"Carla", "Ada", "Bea"}) {
      create(name);
    }

    given()
        .auth()
        .oauth2(token)
        .queryParam("size", 2)
        .get("/api/identities")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.name", containsInAnyOrder("Ada", "Bea"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/identities")
        .then()
        .body("items.name", containsInAnyOrder("Carla"));
  }

  @Test
  void shouldNotShowAnIdentityToAnotherOrganization() {
    String id = create("Private");

    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .get("/api/identities/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .get("/api/identities")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void shouldRejectAnInvalidBodyNamingTheFields() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": \"   \"}")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid request"))
        .body("errors.field", containsInAnyOrder("name"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": \"" + "x".repeat(121) + "\"}")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("name"));
  }

  @Test
  void shouldRejectUnknownFieldsAndBrokenJson() {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": \"Ada\", \"role\": \"admin\"}")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("role"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"name\": ")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", startsWith("The request is malformed"));
    given().auth().oauth2(token).get("/api/identities").then().body("total", equalTo(0));
  }

  @Test
  void shouldRejectAnOutOfRangePage() {
    given()
        .auth()
        .oauth2(token)
        .queryParam("size", 1000)
        .get("/api/identities")
        .then()
        .statusCode(400)
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("size"));
  }

  private String create(String name) {
    return new IdentityApi(org).createNamed(name);
  }
}
