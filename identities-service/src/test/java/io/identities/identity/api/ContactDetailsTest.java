package io.identities.identity.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class ContactDetailsTest {

  private final IdentityApi api = new IdentityApi(Tokens.newOrganization());

  @Test
  void shouldStoreContactDetailsNormalizedAndNameTheIdentityAfterThePerson() {
    String id =
        api.create(
            """
            {"firstName": " José ", "lastName": "García", "jobTitle": "Head of Sales",
             "email": "jose@example.com", "linkedinUrl": "es.linkedin.com/in/Jose-Garcia-42/?trk=x",
             "meetingUrl": "https://cal.example.com/jose", "phone": "+34 612 34 56 78"}
            """);

    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .body("name", equalTo("José García"))
        .body("firstName", equalTo("José"))
        .body("jobTitle", equalTo("Head of Sales"))
        .body("linkedinUrl", equalTo("https://www.linkedin.com/in/jose-garcia-42"))
        .body("meetingUrl", equalTo("https://cal.example.com/jose"))
        .body("phone", equalTo("+34612345678"));
  }

  @Test
  void shouldNameEveryInvalidContactFieldAtOnce() {
    api.request()
        .body(
            """
            {"name": "Ada", "email": "ada@", "linkedinUrl": "https://www.linkedin.com/company/acme",
             "meetingUrl": "javascript:alert(1)", "phone": "612 34 56 78", "jobTitle": "%s"}
            """
                .formatted("x".repeat(121)))
        .post("/api/identities")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            containsInAnyOrder("email", "linkedinUrl", "meetingUrl", "phone", "jobTitle"));
  }

  @Test
  void shouldRequireANameOrTheNamesOfThePerson() {
    api.request()
        .body("{\"jobTitle\": \"CEO\"}")
        .post("/api/identities")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("name"));
  }

  @Test
  void shouldLeaveAnIdentityWithoutDetailsUnwrittenWhenItIsOnlyRead() {
    // an identity without contact details used to be written by every transaction that read it
    // (its version raised), so a stale If-Match, or a clash with a concurrent update, followed
    String id = api.createNamed("Only a name");
    String original = api.etag(id);

    api.request().get("/api/identities/" + id).then().statusCode(200);
    api.request().post("/api/identities/" + id + "/share-links").then().statusCode(201);

    assertEquals(original, api.etag(id));
  }

  @Test
  void shouldUpdateWithTheCurrentVersionAndRefuseAStaleOne() {
    String id = api.createNamed("Ada");
    String original = api.etag(id);

    String updated =
        api.request()
            .header("If-Match", original)
            .body("{\"name\": \"Ada Lovelace\", \"jobTitle\": \"Analyst\"}")
            .put("/api/identities/{id}", id)
            .then()
            .statusCode(200)
            .header("ETag", not(equalTo(original)))
            .body("jobTitle", equalTo("Analyst"))
            .extract()
            .header("ETag");

    api.request()
        .header("If-Match", original)
        .body("{\"name\": \"Someone else\"}")
        .put("/api/identities/{id}", id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .header("ETag", equalTo(updated))
        .body("name", equalTo("Ada Lovelace"));
  }

  @Test
  void shouldReplaceAllContactDetailsOnUpdate() {
    String id = api.create("{\"name\": \"Ada\", \"phone\": \"+44 20 7946 0958\"}");

    api.request()
        .body("{\"name\": \"Ada\"}")
        .put("/api/identities/{id}", id)
        .then()
        .statusCode(200)
        .body("phone", nullValue());
  }

  @Test
  void shouldPatchOnlyTheMembersThePatchNamesAndClearTheNullOnes() {
    String id =
        api.create(
            """
            {"name": "Ada", "firstName": "Ada", "lastName": "Lovelace", "jobTitle": "Analyst",
             "email": "ada@example.com", "linkedinUrl": "https://www.linkedin.com/in/ada",
             "meetingUrl": "https://cal.example.com/ada", "phone": "+44 20 7946 0958"}
            """);
    String before = api.etag(id);

    patch(id, "{\"jobTitle\": \"Countess\", \"phone\": null}")
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(before)))
        .body("name", equalTo("Ada"))
        .body("firstName", equalTo("Ada"))
        .body("lastName", equalTo("Lovelace"))
        .body("jobTitle", equalTo("Countess"))
        .body("email", equalTo("ada@example.com"))
        .body("linkedinUrl", equalTo("https://www.linkedin.com/in/ada"))
        .body("meetingUrl", equalTo("https://cal.example.com/ada"))
        .body("phone", nullValue());
    patch(id, "{\"linkedinUrl\": \"es.linkedin.com/in/Ada-L/\", \"email\": \"  \"}")
        .then()
        .statusCode(200)
        .body("linkedinUrl", equalTo("https://www.linkedin.com/in/ada-l")) // normalized as PUT does
        .body("email", nullValue()) // blank: no value, as in PUT
        .body("jobTitle", equalTo("Countess"));
    patch(id, "{}")
        .then()
        .statusCode(200)
        .body("meetingUrl", equalTo("https://cal.example.com/ada"));
  }

  @Test
  void shouldRefuseAnInvalidPatchNamingTheFieldsAndWriteNothing() {
    String id = api.create("{\"name\": \"Ada\", \"email\": \"ada@example.com\"}");
    String etag = api.etag(id);

    patch(
            id,
            "{\"email\": \"ada@\", \"meetingUrl\": \"javascript:alert(1)\", \"jobTitle\": \"CEO\"}")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("email", "meetingUrl"));
    patch(id, "{\"role\": \"admin\"}")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("role"));
    patch(id, "{\"name\": null}") // and no first or last name to name it after
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("name"));
    patch(id, "[\"name\"]").then().statusCode(400).contentType("application/problem+json");
    api.request()
        .contentType("application/json") // a merge patch is not a replacement
        .body("{\"jobTitle\": \"CEO\"}")
        .patch("/api/identities/{id}", id)
        .then()
        .statusCode(415);

    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .header("ETag", equalTo(etag))
        .body("email", equalTo("ada@example.com"))
        .body("jobTitle", nullValue());
  }

  @Test
  void shouldRefuseAStalePatchAndAStaleReplacementAlike() {
    String id = api.createNamed("Ada");
    String original = api.etag(id);
    String current =
        patch(id, "{\"jobTitle\": \"Analyst\"}", original)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    patch(id, "{\"jobTitle\": \"Someone else's\"}", original)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    api.request()
        .header("If-Match", original)
        .body("{\"name\": \"Ada\", \"jobTitle\": \"Someone else's\"}")
        .put("/api/identities/{id}", id)
        .then()
        .statusCode(412);
    patch(id, "{\"jobTitle\": \"Countess\"}", "yesterday")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("If-Match"));
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .header("ETag", equalTo(current))
        .body("jobTitle", equalTo("Analyst"));
  }

  private Response patch(String id, String body) {
    return api.request()
        .contentType("application/merge-patch+json")
        .body(body)
        .patch("/api/identities/{id}", id);
  }

  private Response patch(String id, String body, String ifMatch) {
    return api.request()
        .contentType("application/merge-patch+json")
        .header("If-Match", ifMatch)
        .body(body)
        .patch("/api/identities/{id}", id);
  }

  @Test
  void shouldRefuseAMalformedIfMatch() {
    String id = api.createNamed("Ada");

    api.request()
        .header("If-Match", "yesterday")
        .body("{\"name\": \"Ada\"}")
        .put("/api/identities/{id}", id)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("If-Match"));
  }

  @Test
  void shouldDeleteAnIdentity() {
    String id = api.createNamed("Leaving");

    api.request()
        .header("If-Match", "\"999\"")
        .delete("/api/identities/{id}", id)
        .then()
        .statusCode(412);
    api.request().delete("/api/identities/{id}", id).then().statusCode(204);

    api.request().get("/api/identities/{id}", id).then().statusCode(404);
    api.request().delete("/api/identities/{id}", id).then().statusCode(404);
  }
}
