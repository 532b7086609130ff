package io.identities.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.identities.backbone.testing.NativeReadiness;
import java.util.List;
import java.util.stream.Stream;
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
            Stream.concat(
                    Stream.of("io.identities.backbone.schedule.WorkingHours$Interval"),
                    // stripe-java reads its answers and events by reflection (Gson): all of
                    // each, whatever it holds, and writes its parameters the same way
                    NativeReadiness.reachableThroughFields(
                        "com.stripe.",
                        Session.class,
                        Event.class,
                        Charge.class,
                        Refund.class,
                        StripeError.class,
                        SessionCreateParams.class,
                        RefundCreateParams.class)
                        .stream())
                .toList(),
            List.of()));
  }
}
