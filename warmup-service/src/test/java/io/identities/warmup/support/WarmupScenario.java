package io.identities.warmup.support;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.TestClock;
import io.identities.simulator.stripe.StripeSimulator;
import io.identities.warmup.support.WarmupApi.Warming;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What each warm-up test works in: a probe on the broker (closed after the test), the Stripe
 * simulator sending its webhooks to the service under test, and the service's clock stopped at a
 * moment of the test's choosing (the real time again after it).
 */
public final class WarmupScenario implements BeforeEachCallback, AfterEachCallback {

  public final BrokerProbe broker = new BrokerProbe();
  public final StripeSimulator stripe = StripeSimulatorResource.stripe();
  private final Instant at;

  public WarmupScenario(Instant at) {
    this.at = at;
  }

  public TestClock clock() {
    return Arc.container().instance(TestClock.class).get();
  }

  /** An identity of {@code org} with one inbox, its warm-up ordered and paid (WARMING). */
  public Warming warming(String org, String address) {
    return WarmupApi.warming(
        broker, Arc.container().instance(Events.class).get(), stripe, org, address);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    stripe.forwardTo(
        "http://localhost:" + RestAssured.port + "/api/warmup/payments/stripe/webhook");
    clock().set(at);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    clock().reset();
    broker.close();
  }
}
