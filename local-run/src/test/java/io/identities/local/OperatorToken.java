package io.identities.local;

import static io.restassured.RestAssured.given;

/**
 * A token with the role {@code operator} for a local run: the access token of the realm's operator
 * service account (client credentials), from the run's Keycloak, as the dev token is.
 */
final class OperatorToken {

  private OperatorToken() {}

  static String of(LocalPlatform platform) {
    return given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", "identities-operator")
        .formParam("client_secret", "operator-local-secret")
        .post(platform.url(8180) + "/realms/identities/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
