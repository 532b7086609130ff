package io.identities.simulator.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Stripe over HTTP, speaking the API the official libraries call:
 *
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions} (form-encoded, Stripe's {@code a[b][c]} keys), {@code
 *       GET /v1/checkout/sessions/{id}}, {@code POST /v1/checkout/sessions/{id}/expire}; {@code
 *       POST /v1/refunds} by {@code payment_intent};
 *   <li>the secret key as a Bearer token (else 401), {@code Idempotency-Key}: the same key and
 *       parameters answer the first answer again ({@code Idempotent-Replayed: true}), other
 *       parameters an {@code idempotency_error};
 *   <li>errors as Stripe's {@code {"error": {"type", "code", "message", "param"}}};
 *   <li>the hosted checkout page at each session's {@code url}: paying there (or {@link #pay})
 *       completes the session and sends {@code checkout.session.completed}; expiring a session
 *       sends {@code checkout.session.expired}, a refund {@code charge.refunded};
 *   <li>webhooks as Stripe sends them: an {@code event} object, POSTed with {@code
 *       Stripe-Signature: t=<unix time>,v1=<HMAC-SHA256 of "t.payload" with the endpoint's
 *       secret>}, retried with growing delays while the endpoint does not answer 2xx.
 * </ul>
 */
public final class StripeSimulator implements AutoCloseable {

  /** The API version events carry: the one stripe-java 29.5.0 is pinned to. */
  public static final String API_VERSION = "2025-08-27.basil";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int DELIVERY_ATTEMPTS = 6;

  private final String secretKey;
  private final String webhookSecret;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService webhooks = Executors.newScheduledThreadPool(2);
  private final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> charges = new ConcurrentHashMap<>();
  private final Map<String, Idempotent> idempotent = new ConcurrentHashMap<>();
  private final Map<String, String> events = new ConcurrentHashMap<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private volatile String endpoint;

  /** One webhook POST and how the endpoint answered it (0: not reached). */
  public record Delivery(
      String eventId, String type, String payload, String signature, int status) {}

  private record Idempotent(String request, int status, String body) {}

  public StripeSimulator(int port, String secretKey, String webhookSecret) {
    this.secretKey = secretKey;
    this.webhookSecret = webhookSecret;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/v1/", this::api);
    server.createContext("/checkout/pay/", this::hostedPage);
    server.start();
  }

  /** Runs the simulator: {@code <port> <secret key> <webhook secret> <webhook URL>}. */
  public static void main(String[] args) {
    StripeSimulator stripe = new StripeSimulator(Integer.parseInt(args[0]), args[1], args[2]);
    stripe.forwardTo(args[3]);
    System.out.println("Stripe simulator on " + stripe.baseUrl() + ", webhooks to " + args[3]);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Where webhooks go, as {@code stripe listen --forward-to} sets it. */
  public void forwardTo(String url) {
    this.endpoint = url;
  }

  /** The customer pays the session on the hosted page; answers the webhook event's id. */
  public String pay(String sessionId) {
    Map<String, Object> session = session(sessionId);
    synchronized (session) {
      if (!"open".equals(session.get("status"))) {
        throw new IllegalStateException("session " + sessionId + " is " + session.get("status"));
      }
      String intent = id("pi_");
      Map<String, Object> charge = new LinkedHashMap<>();
      charge.put("id", id("ch_"));
      charge.put("object", "charge");
      charge.put("amount", session.get("amount_total"));
      charge.put("amount_refunded", 0);
      charge.put("currency", session.get("currency"));
      charge.put("paid", true);
      charge.put("refunded", false);
      charge.put("status", "succeeded");
      charge.put("payment_intent", intent);
      charge.put("metadata", session.get("metadata"));
      charges.put(intent, charge);
      session.put("status", "complete");
      session.put("payment_status", "paid");
      session.put("payment_intent", intent);
      return send("checkout.session.completed", session);
    }
  }

  /**
   * Refunds a paid session in full, as someone could from Stripe's dashboard; answers the refund's
   * id ({@code charge.refunded} follows).
   */
  public String refund(String sessionId) {
    Answer answer =
        refund(Map.of("payment_intent", String.valueOf(session(sessionId).get("payment_intent"))));
    if (answer.status() != 200) {
      throw new IllegalStateException(answer.body());
    }
    try {
      return JSON.readTree(answer.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The session as Stripe keeps it. */
  public Map<String, Object> session(String sessionId) {
    Map<String, Object> session = sessions.get(sessionId);
    if (session == null) {
      throw new NoSuchElementException("no checkout session " + sessionId);
    }
    return session;
  }

  /** Every webhook POST so far, oldest first. */
  public List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Sends the event again, newly signed, as "Resend" in Stripe's dashboard does. */
  public void redeliver(String eventId) {
    deliver(eventId, events.get(eventId), 0);
  }

  /** A {@code Stripe-Signature} header for the payload, signed at {@code time}. */
  public String sign(String payload, Instant time) {
    long t = time.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(webhookSecret, t + "." + payload);
  }

  @Override
  public void close() {
    server.stop(0);
    webhooks.shutdownNow();
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + secretKey).equals(authorization)) {
        answer =
            Answer.error(
                401, "invalid_request_error", null, "Invalid API Key provided: sk_***", null);
      } else {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI() + "?" + body;
        Idempotent earlier = key == null ? null : idempotent.get(key);
        if (earlier != null && !earlier.request().equals(request)) {
          answer =
              Answer.error(
                  400,
                  "idempotency_error",
                  null,
                  "Keys for idempotent requests can only be used with the same parameters they"
                      + " were first used with. Try using a key other than '"
                      + key
                      + "' if you meant to execute a different request.",
                  null);
        } else if (earlier != null) {
          exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
          answer = new Answer(earlier.status(), earlier.body());
        } else {
          answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
          if (key != null && answer.status() < 500) {
            idempotent.put(key, new Idempotent(request, answer.status(), answer.body()));
          }
        }
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", id("req_"));
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Answer route(String method, String path, String body) {
    Map<String, String> form = form(body);
    if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
      return createSession(form);
    }
    if (path.startsWith("/v1/checkout/sessions/")) {
      String[] parts = path.substring("/v1/checkout/sessions/".length()).split("/");
      Map<String, Object> session = sessions.get(parts[0]);
      if (session == null) {
        return missing("checkout.session", parts[0]);
      }
      if (method.equals("GET") && parts.length == 1) {
        return Answer.of(200, session);
      }
      if (method.equals("POST") && parts.length == 2 && parts[1].equals("expire")) {
        synchronized (session) {
          if (!"open".equals(session.get("status"))) {
            return Answer.error(
                400,
                "invalid_request_error",
                "checkout_session_not_open",
                "Only Checkout Sessions with a status in [\"open\"] can be expired.",
                null);
          }
          session.put("status", "expired");
          send("checkout.session.expired", session);
          return Answer.of(200, session);
        }
      }
    }
    if (method.equals("POST") && path.equals("/v1/refunds")) {
      return refund(form);
    }
    return Answer.error(
        404,
        "invalid_request_error",
        null,
        "Unrecognized request URL (" + method + ": " + path + ")",
        null);
  }

  private Answer createSession(Map<String, String> form) {
    if (!"payment".equals(form.get("mode"))) {
      return invalid("mode", "Missing required param: mode.");
    }
    if (form.get("success_url") == null) {
      return invalid("success_url", "Missing required param: success_url.");
    }
    long amount;
    long quantity;
    try {
      amount = Long.parseLong(form.getOrDefault("line_items[0][price_data][unit_amount]", ""));
      quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
    } catch (NumberFormatException e) {
      return invalid("line_items[0][price_data][unit_amount]", "Invalid integer.");
    }
    String currency = form.get("line_items[0][price_data][currency]");
    if (currency == null || amount <= 0 || quantity <= 0) {
      return invalid(
          "line_items", "Each line item needs a currency, a positive amount and quantity.");
    }
    String id = id("cs_test_");
    Map<String, Object> metadata = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("metadata[")) {
            metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
          }
        });
    Instant now = Instant.now();
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", id);
    session.put("object", "checkout.session");
    session.put("amount_subtotal", amount * quantity);
    session.put("amount_total", amount * quantity);
    session.put("cancel_url", form.get("cancel_url"));
    session.put("client_reference_id", form.get("client_reference_id"));
    session.put("created", now.getEpochSecond());
    session.put("currency", currency.toLowerCase());
    session.put(
        "expires_at",
        Long.parseLong(
            form.getOrDefault(
                "expires_at", String.valueOf(now.plus(Duration.ofHours(24)).getEpochSecond()))));
    session.put("livemode", false);
    session.put("metadata", metadata);
    session.put("mode", "payment");
    session.put("payment_intent", null);
    session.put("payment_status", "unpaid");
    session.put("status", "open");
    session.put("success_url", form.get("success_url"));
    session.put("url", baseUrl() + "/checkout/pay/" + id);
    sessions.put(id, session);
    return Answer.of(200, session);
  }

  private Answer refund(Map<String, String> form) {
    String intent = form.get("payment_intent");
    Map<String, Object> charge = intent == null ? null : charges.get(intent);
    if (charge == null) {
      return missing("payment_intent", String.valueOf(intent));
    }
    synchronized (charge) {
      long amount = ((Number) charge.get("amount")).longValue();
      long refunded = ((Number) charge.get("amount_refunded")).longValue();
      long asked = Long.parseLong(form.getOrDefault("amount", String.valueOf(amount - refunded)));
      if (refunded >= amount) {
        return Answer.error(
            400,
            "invalid_request_error",
            "charge_already_refunded",
            "Charge " + charge.get("id") + " has already been refunded.",
            null);
      }
      if (asked <= 0 || refunded + asked > amount) {
        return invalid("amount", "Refund amount is greater than unrefunded amount on charge.");
      }
      charge.put("amount_refunded", refunded + asked);
      charge.put("refunded", refunded + asked == amount);
      Map<String, Object> refund = new LinkedHashMap<>();
      refund.put("id", id("re_"));
      refund.put("object", "refund");
      refund.put("amount", asked);
      refund.put("charge", charge.get("id"));
      refund.put("currency", charge.get("currency"));
      refund.put("payment_intent", intent);
      refund.put("status", "succeeded");
      refund.put("created", Instant.now().getEpochSecond());
      send("charge.refunded", charge);
      return Answer.of(200, refund);
    }
  }

  private void hostedPage(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring("/checkout/pay/".length());
      Map<String, Object> session = sessions.get(id);
      String page;
      int status = 200;
      if (session == null) {
        status = 404;
        page = "<p>No such checkout.</p>";
      } else if (exchange.getRequestMethod().equals("POST")
          && "open".equals(session.get("status"))) {
        pay(id);
        String success = String.valueOf(session.get("success_url"));
        exchange.getResponseHeaders().set("Location", success.replace("{CHECKOUT_SESSION_ID}", id));
        exchange.sendResponseHeaders(303, -1);
        return;
      } else if (!"open".equals(session.get("status"))) {
        status = 410;
        page = "<p>This checkout is " + session.get("status") + ".</p>";
      } else {
        page =
            "<form method=\"post\"><p>Pay "
                + amount(session)
                + "</p><button type=\"submit\">Pay</button></form>";
      }
      byte[] bytes =
          ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checkout</title>"
                  + "</head><body>"
                  + page
                  + "</body></html>")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Records an event about {@code object} and delivers it; answers its id. */
  private String send(String type, Map<String, Object> object) {
    Map<String, Object> event = new LinkedHashMap<>();
    String id = id("evt_");
    event.put("id", id);
    event.put("object", "event");
    event.put("api_version", API_VERSION);
    event.put("created", Instant.now().getEpochSecond());
    event.put("data", Map.of("object", new LinkedHashMap<>(object)));
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    String payload = write(event);
    events.put(id, payload);
    deliver(id, payload, 0);
    return id;
  }

  private void deliver(String eventId, String payload, int attempt) {
    String url = endpoint;
    if (url == null || payload == null) {
      return;
    }
    webhooks.schedule(
        () -> {
          String signature = sign(payload, Instant.now());
          int status = 0;
          try {
            status =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Stripe-Signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(payload))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode();
          } catch (IOException | RuntimeException e) {
            status = 0; // not reached: tried again
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          synchronized (deliveries) {
            deliveries.add(new Delivery(eventId, type(payload), payload, signature, status));
          }
          if ((status < 200 || status >= 300) && attempt + 1 < DELIVERY_ATTEMPTS) {
            deliver(eventId, payload, attempt + 1);
          }
        },
        attempt == 0 ? 0 : (long) Math.pow(2, attempt - 1),
        TimeUnit.SECONDS);
  }

  private static String type(String payload) {
    try {
      return JSON.readTree(payload).path("type").asText();
    } catch (IOException e) {
      return "";
    }
  }

  private static String amount(Map<String, Object> session) {
    long cents = ((Number) session.get("amount_total")).longValue();
    return String.format(
        "%d.%02d %s",
        cents / 100, cents % 100, String.valueOf(session.get("currency")).toUpperCase());
  }

  private static Answer invalid(String param, String message) {
    return Answer.error(400, "invalid_request_error", "parameter_missing", message, param);
  }

  private static Answer missing(String kind, String id) {
    return Answer.error(
        404,
        "invalid_request_error",
        "resource_missing",
        "No such " + kind + ": '" + id + "'",
        "id");
  }

  /** Stripe's form: {@code a[b][c]=v} pairs, kept flat by their full names. */
  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String id(String prefix) {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    return prefix + HexFormat.of().formatHex(random);
  }

  private static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An API answer: its status and JSON body. */
  private record Answer(int status, String body) {

    static Answer of(int status, Map<String, Object> object) {
      synchronized (object) {
        return new Answer(status, write(object));
      }
    }

    static Answer error(int status, String type, String code, String message, String param) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", type);
      if (code != null) {
        error.put("code", code);
      }
      error.put("message", message);
      if (param != null) {
        error.put("param", param);
      }
      return new Answer(status, write(Map.of("error", error)));
    }
  }
}
