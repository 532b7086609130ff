package io.identities.warmup.support;

import io.identities.simulator.stripe.StripeSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the Stripe simulator and points the service's Stripe client at it, with its keys. */
public class StripeSimulatorResource implements QuarkusTestResourceLifecycleManager {

  private static StripeSimulator stripe;

  @Override
  public Map<String, String> start() {
    String apiKey = "sk_test_identities";
    String webhookSecret = "whsec_identities_test";
    stripe = new StripeSimulator(0, apiKey, webhookSecret);
    return Map.of(
        "warmup.payment.stripe.api-base",
        stripe.baseUrl(),
        "warmup.payment.stripe.api-key",
        apiKey,
        "warmup.payment.stripe.webhook-secret",
        webhookSecret,
        "warmup.payment.success-url",
        "http://localhost/warmup/paid?session={CHECKOUT_SESSION_ID}",
        "warmup.payment.cancel-url",
        "http://localhost/warmup/cancelled");
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
