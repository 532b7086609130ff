package io.identities.warmup.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import io.identities.warmup.domain.OrderService;
import io.identities.warmup.domain.WarmupInbox;
import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.payment.PaymentConfig;
import io.identities.warmup.plan.Progress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Buying an identity's warm-up, and following it. */
@Path("/api/warmup/identities/{identityId}")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Warm-up")
public class WarmupResource {

  /** Idempotency keys as Stripe takes them: up to 255 characters. */
  private static final int MAX_KEY_LENGTH = 255;

  private final OrderService orders;
  private final PaymentConfig price;
  private final Progress progress;

  WarmupResource(OrderService orders, PaymentConfig price, Progress progress) {
    this.orders = orders;
    this.price = price;
    this.progress = progress;
  }

  @GET
  @Transactional
  @Operation(summary = "The identity's warm-up: its state, day, end and order")
  public WarmupView get(@PathParam("identityId") UUID identityId) {
    orders.identity(identityId);
    WarmupOrder latest = WarmupOrder.latestOf(identityId).orElse(null);
    List<WarmupInbox> connected = WarmupInbox.connectedTo(identityId);
    boolean running = latest != null && latest.state.holdsCampaigns();
    Instant now = orders.now();
    return WarmupView.of(
        identityId,
        latest,
        progress.standing(latest, now),
        OrderView.Price.of(price.priceCents(), price.currency()),
        connected.size(),
        running ? progress.today(latest, connected, now) : List.of());
  }

  @POST
  @Path("/orders")
  @Operation(
      summary = "Order a warm-up (50 EUR, about 3 weeks)",
      description =
          "Answers the order and the page to pay it on. The price comes from configuration. The"
              + " order is paid when the payment provider says so; from then on the identity's"
              + " campaigns are held until the warm-up ends. The same Idempotency-Key again"
              + " answers the same order.")
  @APIResponse(responseCode = "201", description = "Ordered: pay at payment.url")
  @APIResponse(responseCode = "200", description = "The order made with this key before")
  @APIResponse(responseCode = "400", description = "No Idempotency-Key, or an unusable one")
  @APIResponse(
      responseCode = "409",
      description = "The identity has no connected inbox, or already has a warm-up or an order")
  @APIResponse(responseCode = "422", description = "The key was used for another identity")
  @APIResponse(responseCode = "502", description = "The payment provider cannot be reached")
  public Response order(
      @PathParam("identityId") UUID identityId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context UriInfo uri) {
    String key = idempotencyKey == null ? "" : idempotencyKey.strip();
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ProblemException.invalidField(
          "Idempotency-Key",
          "a header of 1 to " + MAX_KEY_LENGTH + " visible ASCII characters is required");
    }
    OrderService.Ordered ordered = orders.order(identityId, key);
    OrderView view = OrderView.of(ordered.order());
    return ordered.created()
        ? Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
            .entity(view)
            .build()
        : Response.ok(view).build();
  }

  @GET
  @Path("/orders/{orderId}")
  @Transactional
  @Operation(summary = "One order of the identity")
  public OrderView order(
      @PathParam("identityId") UUID identityId, @PathParam("orderId") UUID orderId) {
    return OrderView.of(orders.order(identityId, orderId));
  }

  @POST
  @Path("/orders/{orderId}/cancellation")
  @Operation(
      summary = "Cancel an order",
      description =
          "Before payment: the payment page is closed. After payment and before the first"
              + " warm-up email: refunded in full (state REFUNDED once the provider confirms)."
              + " After the first warm-up email: the warm-up stops, without a refund (the inboxes"
              + " have had part of the service). Campaigns are released either way.")
  @APIResponse(responseCode = "409", description = "Nothing to cancel, or it was just paid")
  public OrderView cancel(
      @PathParam("identityId") UUID identityId, @PathParam("orderId") UUID orderId) {
    return OrderView.of(orders.cancel(identityId, orderId));
  }
}
