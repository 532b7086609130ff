package io.identities.warmup.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.warmup.domain.OrderService;
import io.identities.warmup.payment.Payments;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stripe's webhook: public (Stripe sends no token), trusted only once its signature checks out. */
@Path("/api/warmup/payments/stripe/webhook")
@PermitAll
@Tag(name = "Warm-up")
public class StripeWebhookResource {

  private final Payments payments;
  private final OrderService orders;

  StripeWebhookResource(Payments payments, OrderService orders) {
    this.payments = payments;
    this.orders = orders;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Stripe's notifications (checkout.session.completed, .expired, charge.refunded)",
      description =
          "Checked with the endpoint's signing secret and a 5-minute tolerance; each event acts"
              + " once, however often it is delivered.")
  @APIResponse(responseCode = "204", description = "Taken (or already taken)")
  @APIResponse(responseCode = "400", description = "Not signed by Stripe, or too old: ignored")
  public Response receive(@HeaderParam("Stripe-Signature") String signature, String payload) {
    Payments.PaymentEvent event;
    try {
      event = payments.read(payload == null ? "" : payload, signature);
    } catch (Payments.ForgedEventException e) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "Unverified notification",
          e.getMessage(),
          java.util.List.of());
    }
    orders.paymentEvent(event);
    return Response.noContent().build();
  }
}
