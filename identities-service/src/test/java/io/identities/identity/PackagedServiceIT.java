package io.identities.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.PackagedService;
import io.identities.backbone.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** identities-service as packaged: the jar here, the native executable where one is built. */
@QuarkusIntegrationTest
@WithTestResource(LocalInfrastructure.class)
class PackagedServiceIT extends PackagedService {

  @Override
  protected String identityPath() {
    return "/api/identities/{id}";
  }

  @Test
  void shouldKeepAnIdentityAndAnnounceIt() throws Exception {
    String org = Tokens.newOrganization();
    try (BrokerProbe broker = new BrokerProbe()) {
      String created = broker.listen(Exchanges.EVENTS, EventTypes.IDENTITY_CREATED);
      String id =
          given()
              .auth()
              .oauth2(Tokens.member(org))
              .contentType(ContentType.JSON)
              .body("{\"name\": \"Ada Lovelace\", \"phone\": \"+34 612 34 56 78\"}")
              .post("/api/identities")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      given()
          .auth()
          .oauth2(Tokens.member(org))
          .get(identityPath(), id)
          .then()
          .statusCode(200)
          .body("name", equalTo("Ada Lovelace"))
          .body("phone", equalTo("+34612345678")); // libphonenumber's metadata, loaded at run time
      given() // the OWASP sanitizer and jsoup, which a native image must carry too
          .auth()
          .oauth2(Tokens.member(org))
          .contentType(ContentType.JSON)
          .body(
              "{\"mode\": \"HTML\", \"html\": \"<p style=\\\"color:#333\\\"><b>Ada</b></p>"
                  + "<video src=\\\"x.mp4\\\"></video>\"}")
          .put("/api/identities/{id}/signature", id)
          .then()
          .statusCode(200)
          .body("html", equalTo("<p style=\"color:#333\"><b>Ada</b></p>"))
          .body("text", equalTo("Ada"));

      JsonNode event =
          new ObjectMapper()
              .readTree(
                  BrokerProbe.body(broker.nextContaining(created, id, Duration.ofSeconds(15))));
      assertEquals(org, event.path("orgid").asText());
      assertEquals("Ada Lovelace", event.path("data").path("name").asText());
    }
  }
}
