package io.identities.linkedin.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls linkedin-gateway's API as a member of one organization, the way the tests need it. */
public final class LinkedInApi {

  private final String token;

  public LinkedInApi(String orgId) {
    this.token = Tokens.member(orgId);
  }

  public RequestSpecification request() {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** Logs in to LinkedIn for an existing identity. */
  public ValidatableResponse connect(UUID identity, String email, String password) {
    return request()
        .body(
            "{\"identityId\": \""
                + identity
                + "\", \"email\": \""
                + email
                + "\", \"password\": \""
                + password
                + "\"}")
        .post("/api/linkedin/connections")
        .then();
  }

  /** Answers a handshake's challenge with a code. */
  public ValidatableResponse verify(String handshake, String code) {
    return request()
        .body("{\"code\": \"" + code + "\"}")
        .post("/api/linkedin/connections/{id}/verification", handshake)
        .then();
  }
}
