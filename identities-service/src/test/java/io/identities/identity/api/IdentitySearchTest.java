package io.identities.identity.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentitySearchTest {

  private final IdentityApi api = new IdentityApi(Tokens.newOrganization());

  @BeforeEach
  void seed() {
    api.create("{\"firstName\": \"José\", \"lastName\": \"García\"}");
    api.create("{\"name\": \"ÁLVARO Núñez\"}");
    api.create("{\"name\": \"Joséphine Baker\"}");
    api.create("{\"name\": \"Grace 100%_sure\"}");
  }

  @Test
  void shouldFindByAnyPartOfTheNameWhateverTheCaseAndAccents() {
    search("jose").body("items.name", containsInAnyOrder("José García", "Joséphine Baker"));
    search("GARC").body("items.name", contains("José García"));
    search("alvaro nu").body("items.name", contains("ÁLVARO Núñez"));
    search("100%_sure").body("items.name", contains("Grace 100%_sure"));
    search("gr_ce").body("total", equalTo(0)); // no wildcards
    search("nobody").body("total", equalTo(0));
  }

  @Test
  void shouldFindNamesByLettersThatDoNotDecomposeAndWithoutTheirPunctuation() {
    api.create("{\"firstName\": \"Łukasz\", \"lastName\": \"Żółć\"}");
    api.create("{\"name\": \"Amélie L'Écuyer\"}");
    api.create("{\"name\": \"Jørgen Strauß-Ærø\"}");

    search("lukasz").body("items.name", contains("Łukasz Żółć"));
    search("zolc").body("items.name", contains("Łukasz Żółć"));
    search("lecuyer").body("items.name", contains("Amélie L'Écuyer"));
    search("l'ecuyer").body("items.name", contains("Amélie L'Écuyer"));
    search("jorgen strauss aero").body("items.name", contains("Jørgen Strauß-Ærø"));
  }

  @Test
  void shouldMatchEveryWordOfTheQueryInAnyOrder() {
    api.create("{\"name\": \"Ada Lovelace\"}");
    api.create("{\"name\": \"Ada King\"}");

    search("lovelace ada").body("items.name", contains("Ada Lovelace"));
    search("  LOVE   ada ").body("items.name", contains("Ada Lovelace"));
    search("ada").body("items.name", containsInAnyOrder("Ada Lovelace", "Ada King"));
    search("ada babbage").body("total", equalTo(0));
  }

  @Test
  void shouldRefuseNulCharactersInParametersAndFieldsWithA400NamingThem() {
    api.request()
        .urlEncodingEnabled(false)
        .get("/api/identities?q=jo%00se")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"))
        .body("errors[0].message", equalTo("must not contain NUL characters (U+0000)"));
    api.request()
        .contentType("application/json")
        .body("{\"name\": \"Ada\\u0000Lovelace\"}")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].message", equalTo("must not contain NUL characters (U+0000)"));
    search("Ada").body("total", equalTo(0)); // nothing written
  }

  @Test
  void shouldSortAndFilterByChannel() {
    api.request()
        .queryParam("sort", "-name")
        .get("/api/identities")
        .then()
        .body(
            "items.name",
            contains("Joséphine Baker", "José García", "Grace 100%_sure", "ÁLVARO Núñez"));
    api.request()
        .queryParam("linkedinConnected", true)
        .get("/api/identities")
        .then()
        .body("total", equalTo(0));
    api.request()
        .queryParam("emailConnected", false)
        .get("/api/identities")
        .then()
        .body("total", equalTo(4));
  }

  @Test
  void shouldRefuseAnUnknownSortOrder() {
    api.request().queryParam("sort", "salary").get("/api/identities").then().statusCode(400);
  }

  @Test
  void shouldNotFindAnotherOrganizationsIdentities() {
    new IdentityApi(Tokens.newOrganization())
        .request()
        .queryParam("q", "jose")
        .get("/api/identities")
        .then()
        .body("total", equalTo(0));
  }

  private io.restassured.response.ValidatableResponse search(String text) {
    return api.request().queryParam("q", text).get("/api/identities").then().statusCode(200);
  }
}
