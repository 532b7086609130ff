package io.identities.warmup.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The warm-up's price and the payment provider (Stripe): {@code warmup.payment.*}. */
@ConfigMapping(prefix = "warmup.payment")
public interface PaymentConfig {

  /** The price of one warm-up, never taken from the client. */
  @WithDefault("50.00")
  BigDecimal price();

  @WithDefault("EUR")
  String currency();

  /** Where the payment page sends the buyer back; {@code {CHECKOUT_SESSION_ID}} is filled in. */
  String successUrl();

  String cancelUrl();

  Stripe stripe();

  interface Stripe {
    /** The secret API key (sk_...): from a Secret, never logged. */
    String apiKey();

    /** The webhook endpoint's signing secret (whsec_...). */
    String webhookSecret();

    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** How old a webhook's signature may be (Stripe's default tolerance: 5 minutes). */
    @WithDefault("300")
    long webhookToleranceSeconds();
  }

  /** The price in the currency's minor unit. */
  default long priceCents() {
    return price().movePointRight(2).longValueExact();
  }
}
