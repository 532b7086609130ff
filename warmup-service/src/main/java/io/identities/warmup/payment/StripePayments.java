package io.identities.warmup.payment;

import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe, through its official library: a Checkout Session per order (mode {@code payment}, the
 * order's id as idempotency key, client reference and metadata), refunds by PaymentIntent, and
 * webhooks checked with {@link Webhook#constructEvent}. Keys come from configuration and are never
 * logged.
 */
@ApplicationScoped
class StripePayments implements Payments {

  private final PaymentConfig config;
  private final StripeClient stripe;

  StripePayments(PaymentConfig config) {
    this.config = config;
    this.stripe =
        StripeClient.builder()
            .setApiKey(config.stripe().apiKey())
            .setApiBase(config.stripe().apiBase())
            .setMaxNetworkRetries(2)
            .build();
  }

  @Override
  public Checkout checkout(Purchase purchase) {
    String order = purchase.orderId().toString();
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setClientReferenceId(order)
            .putMetadata("order_id", order)
            .putMetadata("identity_id", purchase.identityId().toString())
            .putMetadata("org_id", purchase.orgId())
            .setPaymentIntentData(
                SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata("order_id", order)
                    .build())
            .setSuccessUrl(config.successUrl())
            .setCancelUrl(config.cancelUrl())
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(purchase.currency().toLowerCase())
                            .setUnitAmount(purchase.amountCents())
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName("Email warm-up (about 3 weeks)")
                                    .build())
                            .build())
                    .build())
            .build();
    try {
      Session session =
          stripe.v1().checkout().sessions().create(params, idempotent("warmup-order-" + order));
      return new Checkout(
          session.getId(), session.getUrl(), Instant.ofEpochSecond(session.getExpiresAt()));
    } catch (StripeException e) {
      throw unavailable(e);
    }
  }

  @Override
  public boolean close(String checkoutId) {
    try {
      stripe.v1().checkout().sessions().expire(checkoutId);
      return true;
    } catch (InvalidRequestException e) {
      return false; // not open any more: paid, or expired
    } catch (StripeException e) {
      throw unavailable(e);
    }
  }

  @Override
  public String refund(UUID orderId, String paymentId) {
    try {
      return stripe
          .v1()
          .refunds()
          .create(
              RefundCreateParams.builder()
                  .setPaymentIntent(paymentId)
                  .putMetadata("order_id", orderId.toString())
                  .build(),
              idempotent("warmup-refund-" + orderId))
          .getId();
    } catch (StripeException e) {
      throw unavailable(e);
    }
  }

  @Override
  public PaymentEvent read(String payload, String signature) {
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload,
              signature == null ? "" : signature,
              config.stripe().webhookSecret(),
              config.stripe().webhookToleranceSeconds());
    } catch (SignatureVerificationException | RuntimeException e) {
      throw new ForgedEventException(
          "not signed by Stripe with this endpoint's secret, or too old");
    }
    StripeObject object;
    try {
      object = event.getDataObjectDeserializer().deserializeUnsafe();
    } catch (EventDataObjectDeserializationException e) {
      return new PaymentEvent(event.getId(), Kind.OTHER, null, null, null);
    }
    return switch (event.getType()) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
        Session session = (Session) object;
        yield new PaymentEvent(
            event.getId(),
            "paid".equals(session.getPaymentStatus()) ? Kind.PAID : Kind.OTHER,
            session.getId(),
            session.getPaymentIntent(),
            order(session.getClientReferenceId()));
      }
      case "checkout.session.expired" -> {
        Session session = (Session) object;
        yield new PaymentEvent(
            event.getId(),
            Kind.CHECKOUT_EXPIRED,
            session.getId(),
            null,
            order(session.getClientReferenceId()));
      }
      case "charge.refunded" -> {
        Charge charge = (Charge) object;
        yield new PaymentEvent(
            event.getId(),
            Boolean.TRUE.equals(charge.getRefunded()) ? Kind.REFUNDED : Kind.OTHER,
            null,
            charge.getPaymentIntent(),
            null);
      }
      default -> new PaymentEvent(event.getId(), Kind.OTHER, null, null, null);
    };
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static UUID order(String reference) {
    try {
      return reference == null ? null : UUID.fromString(reference);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static UnavailableException unavailable(StripeException e) {
    // Stripe's message names the problem, never the key
    return new UnavailableException(
        "Stripe answered: "
            + (e.getStripeError() == null
                ? e.getClass().getSimpleName()
                : e.getStripeError().getMessage()),
        e);
  }
}
