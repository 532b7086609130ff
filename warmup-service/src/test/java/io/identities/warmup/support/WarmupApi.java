package io.identities.warmup.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.KnownIdentities;
import io.identities.backbone.testing.Tokens;
import io.identities.simulator.stripe.StripeSimulator;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** warmup-service's API as tests call it, and the events that tell it about identities. */
public final class WarmupApi {

  public static final String WARMUP = "/api/warmup/identities/{id}";
  public static final String ORDERS = WARMUP + "/orders";

  private WarmupApi() {}

  /** Announces the identity and waits until the service knows it. */
  public static UUID identity(
      BrokerProbe broker, Events events, String org, IdentitySnapshot snapshot) {
    return KnownIdentities.announce(broker, events, org, snapshot, WARMUP);
  }

  /** Announces a connected inbox of the identity (as email-gateway would); answers its id. */
  public static UUID inbox(
      BrokerProbe broker, Events events, String org, UUID identity, String address) {
    long before = api(org).get(WARMUP, identity).jsonPath().getLong("connectedInboxes");
    UUID inbox = UUID.randomUUID();
    broker.publish(
        events,
        events.envelope(
            EventTypes.EMAIL_INBOX_CONNECTED,
            org,
            inbox.toString(),
            new InboxConnectionChanged(
                identity, inbox, address, "CONNECTED", (int) before + 1, before + 1)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api(org).get(WARMUP, identity).jsonPath().getLong("connectedInboxes")
                    == before + 1);
    return inbox;
  }

  /** A paid warm-up of an identity with one inbox. */
  public record Warming(String org, UUID identity, UUID inbox, String address, String order) {}

  /** An identity of {@code org} with one inbox, its warm-up ordered and paid (WARMING). */
  public static Warming warming(
      BrokerProbe broker, Events events, StripeSimulator stripe, String org, String address) {
    UUID identity =
        identity(broker, events, org, IdentitySnapshots.of(UUID.randomUUID(), 0, address));
    UUID inbox = inbox(broker, events, org, identity, address);
    JsonPath order = order(org, identity, "order-" + inbox);
    stripe.pay(checkoutId(order));
    awaitState(org, identity, "WARMING");
    return new Warming(org, identity, inbox, address, order.getString("id"));
  }

  /** Orders a warm-up with a new key: answers the order (with its payment page). */
  public static JsonPath order(String org, UUID identity, String key) {
    return api(org)
        .header("Idempotency-Key", key)
        .post(ORDERS, identity)
        .then()
        .statusCode(201)
        .body("payment.url", notNullValue())
        .extract()
        .jsonPath();
  }

  /** Waits until the identity's warm-up is in {@code state}; answers its view. */
  public static JsonPath awaitState(String org, UUID identity, String state) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> state.equals(api(org).get(WARMUP, identity).jsonPath().getString("state")));
    return api(org).get(WARMUP, identity).jsonPath();
  }

  /** The checkout session id at the end of the payment page's URL. */
  public static String checkoutId(JsonPath order) {
    String url = order.getString("payment.url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  public static RequestSpecification api(String org) {
    return given().auth().oauth2(Tokens.member(org));
  }
}
