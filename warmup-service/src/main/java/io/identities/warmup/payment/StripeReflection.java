package io.identities.warmup.payment;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Stripe library's types the adapter sends and reads: stripe-java writes parameters and reads
 * answers and webhook events by reflection (Gson) and ships no native-image metadata, so a native
 * build registers them here, with their nested classes.
 */
@RegisterForReflection(
    targets = {
      Session.class,
      Event.class,
      Event.Data.class,
      Charge.class,
      Refund.class,
      StripeError.class,
      SessionCreateParams.class,
      RefundCreateParams.class
    })
final class StripeReflection {

  private StripeReflection() {}
}
