package io.identities.warmup.support;

import io.identities.simulator.stripe.StripeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the Stripe simulator and points the service's Stripe client at it. */
public class StripeSimulatorResource implements QuarkusTestResourceLifecycleManager {

  private static StripeSimulator stripe;

  @Override
  public Map<String, String> start() {
    stripe = new StripeSimulator(0, "sk_test_identities", "whsec_identities_test");
    return Map.of("warmup.payment.stripe.api-base", stripe.baseUrl());
  }

  /**
   * The simulator the service talks to; webhooks go where {@link StripeSimulator#forwardTo} says.
   */
  public static StripeSimulator stripe() {
    return stripe;
  }

  @Override
  public void stop() {
    stripe.close();
  }
}
