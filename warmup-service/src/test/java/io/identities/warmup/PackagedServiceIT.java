package io.identities.warmup;

import static io.identities.warmup.support.WarmupApi.WARMUP;
import static io.identities.warmup.support.WarmupApi.api;
import static io.identities.warmup.support.WarmupApi.awaitState;
import static io.identities.warmup.support.WarmupApi.checkoutId;
import static io.identities.warmup.support.WarmupApi.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.PackagedService;
import io.identities.backbone.testing.Tokens;
import io.identities.warmup.support.StripeSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** warmup-service as packaged: the jar here, the native executable where one is built. */
@QuarkusIntegrationTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class PackagedServiceIT extends PackagedService {

  @Override
  protected String identityPath() {
    return WARMUP;
  }

  @Test
  void shouldSellAWarmupThroughStripe() {
    StripeSimulatorResource.stripe()
        .forwardTo("http://localhost:" + RestAssured.port + "/api/warmup/payments/stripe/webhook");
    String org = Tokens.newOrganization();
    UUID identity = UUID.randomUUID();
    announce(org, IdentitySnapshots.of(identity, 1, "Ada"), WARMUP);
    publish(
        EventTypes.EMAIL_INBOX_CONNECTED,
        org,
        identity.toString(),
        new InboxConnectionChanged(
            identity, UUID.randomUUID(), "ada@warm.example", "CONNECTED", 1, 1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> api(org).get(WARMUP, identity).jsonPath().getInt("connectedInboxes") == 1);

    JsonPath ordered = order(org, identity, "packaged");
    assertEquals("50.00", ordered.getString("price.amount"));
    StripeSimulatorResource.stripe().pay(checkoutId(ordered));
    JsonPath warming = awaitState(org, identity, "WARMING");
    assertEquals(ordered.getString("id"), warming.getString("order.id"));
  }
}
