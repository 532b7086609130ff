package io.identities.warmup.payment;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.FeeRefund;
import com.stripe.model.FileLink;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.InvoicePayment;
import com.stripe.model.LineItem;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Stripe library's types the adapter sends and reads: stripe-java writes parameters and reads
 * answers and webhook events by reflection (Gson) and ships no native-image metadata, so a native
 * build registers them here, with everything their fields hold (the library is indexed for it:
 * {@code quarkus.index-dependency.stripe}).
 */
@RegisterForReflection(
    registerFullHierarchy = true,
    targets = {
      Session.class,
      Event.class,
      Event.Data.class,
      Charge.class,
      Refund.class,
      StripeError.class,
      SessionCreateParams.class,
      RefundCreateParams.class,
      // the items of collections they hold (StripeCollection<T>), which the hierarchy misses
      FeeRefund.class,
      FileLink.class,
      InvoiceLineItem.class,
      InvoicePayment.class,
      LineItem.class
    })
final class StripeReflection {

  private StripeReflection() {}
}
