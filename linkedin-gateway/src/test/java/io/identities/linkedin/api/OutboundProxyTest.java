package io.identities.linkedin.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.domain.SessionHealth;
import io.identities.linkedin.support.KnownIdentities;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.linkedin.support.RecordingProxy;
import io.identities.simulator.linkedin.DemoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each identity's LinkedIn traffic goes through its own proxy, or its country's pool proxy. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class OutboundProxyTest {

  @Inject Events events;
  @Inject EntityManager entityManager;
  @Inject SessionHealth health;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();
  private final LinkedInApi linkedIn = new LinkedInApi(org);
  private final String proxyPassword = "proxy-secret-" + UUID.randomUUID();
  private final RecordingProxy proxy = new RecordingProxy("proxy-user", proxyPassword);
  private UUID identity;

  @BeforeEach
  void knowAnIdentity() {
    identity = KnownIdentities.announce(broker, events, org, "Ada");
  }

  @AfterEach
  void close() throws Exception {
    proxy.close();
    broker.close();
  }

  @Test
  void shouldSendTheLoginAndTheSessionChecksThroughTheIdentitysProxy() {
    useProxy(proxyPassword)
        .statusCode(200)
        .body("proxy.url", equalTo(proxy.address().toString()))
        .body(not(containsString(proxyPassword)));

    connect().statusCode(200).body("status", equalTo("CONNECTED"));
    int atLogin = proxy.forwarded();
    assertTrue(atLogin >= 3, "login page, credentials and profile went through: " + atLogin);

    health.checkSessionsNotCheckedFor(Duration.ZERO, 0);
    assertTrue(proxy.forwarded() > atLogin, "the session check went through too");
    String sealed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        entityManager
                            .createNativeQuery(
                                "select sealed_proxy_credentials from linkedin_identity where identity_id = ?1")
                            .setParameter(1, identity)
                            .getSingleResult());
    assertTrue(sealed.startsWith("test:"), "sealed with the configured key");
    assertFalse(sealed.contains(proxyPassword) || sealed.contains("proxy-user"));
  }

  @Test
  void shouldAnswerBadGatewayAndConnectNothingWhenTheProxyRefusesItsCredentials() {
    useProxy("not-" + proxyPassword).statusCode(200);

    connect()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("title", equalTo("Proxy failed"));
    api()
        .get("/api/linkedin/identities/{id}", identity)
        .then()
        .body("status", equalTo("NOT_CONNECTED"));
    assertTrue(proxy.forwarded() == 0);
  }

  @Test
  void shouldGoThroughThePoolProxyOfTheIdentitysCountry() {
    RecordingProxy pool = LinkedInSimulatorResource.poolProxy();
    int before = pool.forwarded();
    api()
        .body("{\"country\": \"es\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(200)
        .body("proxy.country", equalTo("ES"))
        .body(not(containsString("pool-secret")));

    connect().statusCode(200).body("status", equalTo("CONNECTED"));

    assertTrue(pool.forwarded() >= before + 3, "through the pool's proxy");
    api()
        .delete("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(200)
        .body("proxy", nullValue());
  }

  @Test
  void shouldRefuseProxiesItCannotUse() {
    api()
        .body("{\"country\": \"FR\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("country"))
        .body("errors[0].message", containsString("configured: ES"));
    api()
        .body("{\"url\": \"socks5://127.0.0.1:1080\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("url"));
    api()
        .body("{\"url\": \"http://127.0.0.1:3128\", \"username\": \"a:b\", \"password\": \"c\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("username"));
    api()
        .body("{\"url\": \"http://127.0.0.1:3128\", \"username\": \"only-a-user\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then()
        .statusCode(400);
    api().get("/api/linkedin/identities/{id}", identity).then().body("proxy", nullValue());
  }

  private io.restassured.response.ValidatableResponse connect() {
    return linkedIn.connect(
        identity, LinkedInAccounts.like(DemoAccounts.PLAIN).email(), DemoAccounts.PASSWORD);
  }

  private RequestSpecification api() {
    return linkedIn.request();
  }

  private io.restassured.response.ValidatableResponse useProxy(String password) {
    return api()
        .body(
            "{\"url\": \""
                + proxy.address()
                + "\", \"username\": \"proxy-user\", \"password\": \""
                + password
                + "\"}")
        .put("/api/linkedin/identities/{id}/proxy", identity)
        .then();
  }
}
