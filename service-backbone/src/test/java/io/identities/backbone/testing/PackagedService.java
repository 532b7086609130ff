package io.identities.backbone.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.IdentitySnapshot;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service's packaged artifact must do, checked by each service's {@code
 * PackagedServiceIT} ({@code @QuarkusIntegrationTest}): the jar Maven packaged here, the native
 * executable where a native build runs, started as a separate process with its production
 * configuration on the real PostgreSQL and RabbitMQ. No CDI and no application config on this side:
 * only HTTP and the broker, as a client would.
 */
public abstract class PackagedService {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** A GET of the service's API about one identity, with an {@code {id}} placeholder. */
  protected abstract String identityPath();

  @Test
  void shouldBeReadyOnItsDatabaseAndBroker() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("RabbitMQ", "Database connections health check"));
  }

  @Test
  void shouldRefuseItsApiWithoutATokenAsAProblem() {
    given()
        .get(identityPath(), UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void shouldDescribeItsApi() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."));
  }

  /**
   * Publishes {@code identity.created} as identities-service would and waits until the service
   * answers {@code knownAt} (with an {@code {id}} placeholder) for it: its snapshot replicated.
   */
  protected static void announce(String org, IdentitySnapshot snapshot, String knownAt) {
    publish(EventTypes.IDENTITY_CREATED, org, snapshot.identityId().toString(), snapshot);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(Tokens.member(org))
                        .get(knownAt, snapshot.identityId())
                        .statusCode()
                    == 200);
  }

  /** Publishes an event on the events exchange as the service that owns it would. */
  protected static void publish(String type, String org, String subject, Object data) {
    try (BrokerProbe broker = new BrokerProbe()) {
      EventEnvelope event =
          new EventEnvelope(
              UUID.randomUUID(),
              type,
              "/packaged-service-test",
              EventEnvelope.SPEC_VERSION,
              OffsetDateTime.now(ZoneOffset.UTC),
              subject,
              EventEnvelope.DATA_CONTENT_TYPE,
              org,
              JSON.valueToTree(data));
      broker.publish(Exchanges.EVENTS, type, JSON.writeValueAsString(event));
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish " + type, e);
    }
  }
}
