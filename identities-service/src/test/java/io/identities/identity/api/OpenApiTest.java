package io.identities.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.identities.backbone.testing.LocalInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class OpenApiTest {

  @Test
  void shouldDescribeEveryOperationWithItsProblemResponses() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/identities'.post.responses.'201'", notNullValue())
        .body(
            "paths.'/api/identities'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
            equalTo("#/components/schemas/Problem"))
        .body("paths.'/api/identities/{id}'.get.responses.'404'", notNullValue())
        .body("paths.'/api/identities/{id}'.get.responses.'401'", notNullValue())
        .body("components.schemas.Problem.properties.errors.type", equalTo("array"));
  }

  @Test
  void shouldDescribeTheInternalSpendingOfShareLinksWithItsProblems() {
    String spending = "paths.'/share-links/spending'.post";
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(spending + ".responses.'200'.content.'application/json'.schema.$ref", notNullValue())
        .body(spending + ".responses.'400'.content.'application/problem+json'", notNullValue())
        .body(
            spending + ".responses.'404'.content.'application/problem+json'.schema.$ref",
            equalTo("#/components/schemas/Problem"))
        .body(
            spending + ".responses.'410'.content.'application/problem+json'.schema.$ref",
            equalTo("#/components/schemas/RefusedLink"))
        .body("components.schemas.RefusedLink.properties.reason", notNullValue())
        .body(spending + ".security", nullValue());
  }
}
