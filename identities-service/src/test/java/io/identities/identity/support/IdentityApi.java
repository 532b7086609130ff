package io.identities.identity.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls the identities API as a member of one organization, the way the tests need it. */
public final class IdentityApi {

  private final String token;

  public IdentityApi(String orgId) {
    this.token = Tokens.member(orgId);
  }

  public RequestSpecification request() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** Creates an identity from a JSON body and returns its id. */
  public String create(String json) {
    return request().body(json).post("/api/identities").then().statusCode(201).extract().path("id");
  }

  public String createNamed(String name) {
    return create("{\"name\": \"" + name + "\"}");
  }

  /** The identity's current ETag. */
  public String etag(String id) {
    return request()
        .get("/api/identities/{id}", id)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
