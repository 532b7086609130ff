package io.identities.linkedin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.PackagedService;
import io.identities.backbone.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** linkedin-gateway as packaged: the jar here, the native executable where one is built. */
@QuarkusIntegrationTest
@WithTestResource(LocalInfrastructure.class)
class PackagedServiceIT extends PackagedService {

  @Override
  protected String identityPath() {
    return "/api/linkedin/identities/{id}";
  }

  @Test
  void shouldLearnAnIdentityFromTheBus() {
    String org = Tokens.newOrganization();
    UUID identity = UUID.randomUUID();
    announce(org, IdentitySnapshots.withLimits(identity, 1, "Ada", 15, 80), identityPath());
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get(identityPath(), identity)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ada"))
        .body("limits.dailyConnectionRequests", equalTo(15))
        .body("limits.dailyMessages", equalTo(80));
    given()
        .auth()
        .oauth2(Tokens.member(Tokens.newOrganization()))
        .get(identityPath(), identity)
        .then()
        .statusCode(404);
  }
}
