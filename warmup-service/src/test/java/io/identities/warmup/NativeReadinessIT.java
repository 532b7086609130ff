package io.identities.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.testing.NativeReadiness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native build of warmup-service would be given everything it reads by reflection and loads as a
 * resource at run time (checked on the native sources the build writes; no GraalVM here).
 */
class NativeReadinessIT {

  @Test
  void shouldRegisterWhatANativeImageNeeds() throws Exception {
    assertEquals(
        List.of(),
        NativeReadiness.missing(
            List.of(
                "io.identities.backbone.schedule.WorkingHours$Interval",
                // stripe-java reads its answers and events by reflection (Gson)
                "com.stripe.model.checkout.Session",
                "com.stripe.model.Event",
                "com.stripe.model.Event$Data",
                "com.stripe.model.Charge",
                "com.stripe.model.Refund",
                "com.stripe.model.StripeError",
                "com.stripe.param.checkout.SessionCreateParams",
                "com.stripe.param.checkout.SessionCreateParams$LineItem",
                "com.stripe.param.RefundCreateParams"),
            List.of()));
  }
}
