package io.identities.warmup.orders;

import static io.identities.warmup.support.WarmupApi.ORDERS;
import static io.identities.warmup.support.WarmupApi.WARMUP;
import static io.identities.warmup.support.WarmupApi.api;
import static io.identities.warmup.support.WarmupApi.awaitState;
import static io.identities.warmup.support.WarmupApi.checkoutId;
import static io.identities.warmup.support.WarmupApi.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.simulator.stripe.StripeSimulator;
import io.identities.warmup.support.StripeSimulatorResource;
import io.identities.warmup.support.WarmupApi;
import io.identities.warmup.support.WarmupScenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buying a warm-up, against the Stripe simulator over HTTP (the official Stripe library on the
 * service's side) and real PostgreSQL and RabbitMQ: the order, the payment only Stripe's signed
 * webhook makes, forged, stale and repeated webhooks, cancellation and refund.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class OrdersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant IN_WORKING_HOURS = Instant.parse("2026-12-07T10:00:00Z");

  @Inject Events events;
  @Inject EntityManager entityManager;

  @TestHTTPResource("/api/warmup/payments/stripe/webhook")
  URL webhook;

  // the day a warm-up starts on has room for its first emails
  @RegisterExtension final WarmupScenario scenario = new WarmupScenario(IN_WORKING_HOURS);

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = scenario.broker;
  private final StripeSimulator stripe = scenario.stripe;

  @Test
  void shouldOrderOnceAtTheConfiguredPriceAndStartOnlyWhenStripeSaysItIsPaid() {
    String started = broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_STARTED);
    UUID identity = identityWithInbox();

    JsonPath order =
        api(org)
            .header("Idempotency-Key", "order-1")
            .post(ORDERS, identity)
            .then()
            .statusCode(201)
            .body("state", equalTo("PENDING_PAYMENT"))
            .body("price.amount", equalTo("50.00"))
            .body("price.currency", equalTo("EUR"))
            .body("payment.provider", equalTo("stripe"))
            .extract()
            .jsonPath();
    String again =
        api(org)
            .header("Idempotency-Key", "order-1")
            .post(ORDERS, identity)
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertEquals(order.getString("id"), again);

    Map<String, Object> session = stripe.session(checkoutId(order));
    assertEquals(5000L, ((Number) session.get("amount_total")).longValue());
    assertEquals("eur", session.get("currency"));
    assertEquals(order.getString("id"), session.get("client_reference_id"));
    api(org).get(WARMUP, identity).then().statusCode(200).body("state", equalTo("PENDING_PAYMENT"));

    stripe.pay(checkoutId(order));

    JsonPath warming = awaitState(org, identity, "WARMING");
    assertEquals(1, warming.getInt("day"));
    assertEquals(21, warming.getInt("days"));
    assertEquals("ada@warm.example", warming.getString("inboxes[0].address"));
    int target = warming.getInt("inboxes[0].todayTarget");
    assertTrue(target >= 4 && target <= 6, "day 1 of the ramp: 5 ± 15 %, got " + target);
    assertEquals(
        Instant.parse(warming.getString("startedAt")).plus(Duration.ofDays(21)),
        Instant.parse(warming.getString("endsAt")));
    JsonNode event = event(started, order.getString("id"));
    assertEquals(identity.toString(), event.path("data").path("identityId").asText());
    assertEquals("WARMING", event.path("data").path("state").asText());
  }

  @Test
  void shouldMakeOneOrderOfTwoRequestsRacingWithOneKey() {
    UUID identity = identityWithInbox();

    List<Response> answers =
        Stream.of(1, 2)
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> api(org).header("Idempotency-Key", "raced").post(ORDERS, identity)))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertEquals(
        List.of(200, 201),
        answers.stream().map(Response::statusCode).sorted().toList(),
        () ->
            "one made it, the other answers it: "
                + answers.stream().map(r -> r.body().asString()).toList());
    assertEquals(answers.get(0).path("id"), (Object) answers.get(1).path("id"));
    assertEquals(answers.get(0).path("payment.url"), (Object) answers.get(1).path("payment.url"));
    assertEquals(1L, orderCount(identity));
  }

  @Test
  void shouldTrustOnlyStripesSignatureAndActOnceOnAnEventDeliveredAgain() throws Exception {
    UUID identity = identityWithInbox();
    JsonPath order = order(org, identity, "order-webhooks");
    String completed = completedEvent(checkoutId(order));

    given()
        .header("Stripe-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00ff")
        .body(completed)
        .post(webhook)
        .then()
        .statusCode(400)
        .body("title", equalTo("Unverified notification"));
    given().body(completed).post(webhook).then().statusCode(400);
    given()
        .header("Stripe-Signature", stripe.sign(completed, Instant.now().minusSeconds(600)))
        .body(completed)
        .post(webhook)
        .then()
        .statusCode(400);
    api(org).get(WARMUP, identity).then().body("state", equalTo("PENDING_PAYMENT"));

    String eventId = stripe.pay(checkoutId(order));
    awaitState(org, identity, "WARMING");
    StripeSimulator.Delivery delivery =
        stripe.deliveries().stream().filter(d -> d.eventId().equals(eventId)).findFirst().get();
    Instant paidAt = Instant.parse(orderView(identity, order).getString("paidAt"));

    given()
        .header("Stripe-Signature", delivery.signature())
        .body(delivery.payload())
        .post(webhook)
        .then()
        .statusCode(204);
    stripe.redeliver(eventId);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stripe.deliveries().stream()
                        .filter(d -> d.eventId().equals(eventId) && d.status() == 204)
                        .count()
                    == 2);

    assertEquals(paidAt, Instant.parse(orderView(identity, order).getString("paidAt")));
    assertEquals(1L, outboxCount(EventTypes.WARMUP_STARTED, order.getString("id")), "started once");
  }

  @Test
  void shouldRefuseOrdersThatCannotBeFulfilledAndRecordNothing() {
    UUID bare = identity();
    api(org)
        .post(ORDERS, bare)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
    api(org).header("Idempotency-Key", "k").post(ORDERS, UUID.randomUUID()).then().statusCode(404);
    api(org)
        .header("Idempotency-Key", "no-inbox")
        .post(ORDERS, bare)
        .then()
        .statusCode(409)
        .body(
            "detail", equalTo("The identity has no connected inbox to warm up: connect one first"));
    assertEquals(0L, orderCount(bare));

    UUID identity = identityWithInbox();
    JsonPath order = order(org, identity, "first");
    api(org).header("Idempotency-Key", "second").post(ORDERS, identity).then().statusCode(409);
    UUID other = identityWithInbox();
    api(org).header("Idempotency-Key", "first").post(ORDERS, other).then().statusCode(422);
    stripe.pay(checkoutId(order));
    awaitState(org, identity, "WARMING");
    api(org)
        .header("Idempotency-Key", "third")
        .post(ORDERS, identity)
        .then()
        .statusCode(409)
        .body(
            "detail",
            equalTo(
                "The identity's inboxes are already warming up (order "
                    + order.getString("id")
                    + ")"));
    assertEquals(1L, orderCount(identity));
    assertEquals(0L, orderCount(other));
  }

  @Test
  void shouldCancelBeforePaymentForNothingAndRefundInFullBeforeTheFirstWarmupEmail() {
    String cancelled = broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_CANCELLED);
    UUID identity = identityWithInbox();
    JsonPath unpaid = order(org, identity, "unpaid");

    api(org)
        .post(ORDERS + "/{order}/cancellation", identity, unpaid.getString("id"))
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"))
        .body("refundPending", equalTo(false));
    assertEquals("expired", stripe.session(checkoutId(unpaid)).get("status"));
    event(cancelled, unpaid.getString("id"));
    Awaitility.await() // Stripe's own word of the expiry comes too, and changes nothing
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stripe.deliveries().stream()
                    .anyMatch(
                        d ->
                            d.type().equals("checkout.session.expired")
                                && d.payload().contains(checkoutId(unpaid))
                                && d.status() == 204));
    api(org)
        .get(ORDERS + "/{order}", identity, unpaid.getString("id"))
        .then()
        .body("state", equalTo("CANCELLED"))
        .body("reason", equalTo("cancelled before payment"));

    JsonPath paid = order(org, identity, "paid");
    stripe.pay(checkoutId(paid));
    awaitState(org, identity, "WARMING");
    api(org)
        .post(ORDERS + "/{order}/cancellation", identity, paid.getString("id"))
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"));
    event(cancelled, paid.getString("id"));

    JsonPath refunded = awaitState(org, identity, "REFUNDED");
    assertNotNull(refunded.getString("order.refundedAt"));
    assertEquals(
        "cancelled before the first warm-up email: refunded in full", refunded.getString("reason"));
    assertTrue(
        stripe.deliveries().stream().anyMatch(d -> d.type().equals("charge.refunded")),
        "Stripe confirmed the refund");
    api(org)
        .post(ORDERS + "/{order}/cancellation", identity, paid.getString("id"))
        .then()
        .statusCode(409);
  }

  @Test
  void shouldAnnounceTheRefundThatFollowsACancellationAsItsLatestChange() {
    String cancelled = broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_CANCELLED);
    UUID identity = identityWithInbox();
    JsonPath order = order(org, identity, "cancelled-then-refunded");
    stripe.pay(checkoutId(order));
    awaitState(org, identity, "WARMING");

    api(org)
        .post(ORDERS + "/{order}/cancellation", identity, order.getString("id"))
        .then()
        .statusCode(200);
    JsonNode cancellation = event(cancelled, order.getString("id"));
    assertEquals("CANCELLED", cancellation.path("data").path("state").asText());

    // Stripe's charge.refunded follows, at the same moment of the (stopped) clock
    JsonNode refund = event(cancelled, order.getString("id"));
    assertEquals("REFUNDED", refund.path("data").path("state").asText());
    assertTrue(
        Instant.parse(refund.path("data").path("changedAt").asText())
            .isAfter(Instant.parse(cancellation.path("data").path("changedAt").asText())),
        "the refund is the latest change: identities-service keeps it");
  }

  @Test
  void shouldStopTheWarmupAndReleaseTheCampaignsWhenItIsRefundedFromStripe() {
    String cancelled = broker.listen(Exchanges.EVENTS, EventTypes.WARMUP_CANCELLED);
    UUID identity = identityWithInbox();
    JsonPath order = order(org, identity, "refunded-by-hand");
    stripe.pay(checkoutId(order));
    awaitState(org, identity, "WARMING");

    stripe.refund(checkoutId(order));

    JsonPath refunded = awaitState(org, identity, "REFUNDED");
    assertEquals("refunded through Stripe", refunded.getString("reason"));
    JsonNode event = event(cancelled, order.getString("id"));
    assertEquals("REFUNDED", event.path("data").path("state").asText());
  }

  private JsonPath orderView(UUID identity, JsonPath order) {
    return api(org)
        .get(ORDERS + "/{order}", identity, order.getString("id"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A checkout.session.completed event for the session, as Stripe would word it. */
  private String completedEvent(String sessionId) throws Exception {
    Map<String, Object> session = new java.util.LinkedHashMap<>(stripe.session(sessionId));
    session.put("status", "complete");
    session.put("payment_status", "paid");
    session.put("payment_intent", "pi_forged");
    return JSON.writeValueAsString(
        Map.of(
            "id",
            "evt_forged_" + UUID.randomUUID(),
            "object",
            "event",
            "api_version",
            StripeSimulator.API_VERSION,
            "created",
            Instant.now().getEpochSecond(),
            "type",
            "checkout.session.completed",
            "data",
            Map.of("object", session)));
  }

  private JsonNode event(String queue, String orderId) {
    try {
      return JSON.readTree(
          BrokerProbe.body(broker.nextContaining(queue, orderId, Duration.ofSeconds(15))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long orderCount(UUID identity) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from warmup_order where identity_id = ?1")
                            .setParameter(1, identity)
                            .getSingleResult())
                    .longValue());
  }

  private long outboxCount(String type, String orderId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "select count(*) from outbox_message where routing_key = ?1 and envelope like ?2")
                            .setParameter(1, type)
                            .setParameter(2, "%" + orderId + "%")
                            .getSingleResult())
                    .longValue());
  }

  private UUID identity() {
    return WarmupApi.identity(
        broker, events, org, IdentitySnapshots.of(UUID.randomUUID(), 0, "Ada"));
  }

  private UUID identityWithInbox() {
    UUID identity = identity();
    WarmupApi.inbox(broker, events, org, identity, "ada@warm.example");
    return identity;
  }
}
