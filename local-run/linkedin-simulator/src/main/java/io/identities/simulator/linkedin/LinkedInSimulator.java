package io.identities.simulator.linkedin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Speaks LinkedIn's web login the way open-source clients use it:
 *
 * <ul>
 *   <li>{@code GET /uas/login}: sets the {@code JSESSIONID} cookie, whose value is also the CSRF
 *       token the next requests send in a {@code csrf-token} header;
 *   <li>{@code POST /uas/authenticate} with {@code session_key} and {@code session_password}:
 *       answers {@code {"login_result": ...}}: {@code PASS} (and the {@code li_at} session cookie),
 *       {@code CHALLENGE} (with {@code challenge_id}, {@code challenge_type}, {@code hint}), {@code
 *       BAD_EMAIL}, {@code BAD_PASSWORD}, {@code PASSWORD_NOT_SET} (social-login account) or {@code
 *       CAPTCHA};
 *   <li>{@code POST /checkpoint/challenge/verify} with {@code challenge_id} and {@code pin}: {@code
 *       PASS}, {@code BAD_PIN}, {@code PENDING} (app approval not given yet), {@code REJECTED} or
 *       {@code EXPIRED};
 *   <li>{@code POST /checkpoint/challenge/resend} with {@code challenge_id} and an optional {@code
 *       method} (EMAIL_PIN or SMS_PIN): the code again, or another way;
 *   <li>{@code GET /voyager/api/me} with the session cookies: the member's profile, 401 once the
 *       session is revoked.
 * </ul>
 *
 * Tests and the demo drive it through {@code /simulator/accounts/{email}/approve}, {@code /reject}
 * (the member's answer in the LinkedIn app) and {@code /revoke} (their sessions end).
 */
public final class LinkedInSimulator implements AutoCloseable {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, String> sessions = new ConcurrentHashMap<>(); // li_at -> email
  private final HttpServer server;

  private record Challenge(
      String email, Account.TwoStep type, Instant expiresAt, Approval approval) {}

  private enum Approval {
    WAITING,
    APPROVED,
    REJECTED
  }

  public LinkedInSimulator(int port, List<Account> accounts) {
    accounts.forEach(this::add);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/uas/login", exchange -> handle(exchange, this::loginPage));
    server.createContext("/uas/authenticate", exchange -> handle(exchange, this::authenticate));
    server.createContext(
        "/checkpoint/challenge/verify", exchange -> handle(exchange, this::verify));
    server.createContext(
        "/checkpoint/challenge/resend", exchange -> handle(exchange, this::resend));
    server.createContext("/voyager/api/me", exchange -> handle(exchange, this::me));
    server.createContext("/simulator/", exchange -> handle(exchange, this::control));
    server.start();
  }

  /** Runs the simulator: {@code <port> [accounts.json]}, the {@link DemoAccounts} by default. */
  public static void main(String[] args) throws IOException {
    List<Account> accounts =
        args.length > 1
            ? Arrays.asList(JSON.readValue(Files.readAllBytes(Path.of(args[1])), Account[].class))
            : DemoAccounts.all();
    LinkedInSimulator simulator = new LinkedInSimulator(Integer.parseInt(args[0]), accounts);
    System.out.println(
        "LinkedIn simulator on http://127.0.0.1:"
            + simulator.port()
            + " with "
            + accounts.size()
            + " accounts");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public void add(Account account) {
    accounts.put(account.email().toLowerCase(), account);
  }

  /** The member behind a session cookie, while the session is valid. */
  public Optional<String> sessionOwner(String liAt) {
    return Optional.ofNullable(sessions.get(liAt));
  }

  /** Ends every session of the member, as a password change or a logout elsewhere does. */
  public void revokeSessions(String email) {
    sessions.values().removeIf(email::equalsIgnoreCase);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private Reply loginPage(HttpExchange exchange, Map<String, String> form) {
    return Reply.json(200, Map.of()).cookie("JSESSIONID", "\"ajax:" + token(8) + "\"");
  }

  private Reply authenticate(HttpExchange exchange, Map<String, String> form) {
    if (!csrfMatches(exchange)) {
      return csrfRefused();
    }
    Account account = accounts.get(String.valueOf(form.get("session_key")).toLowerCase());
    if (account == null) {
      return result("BAD_EMAIL");
    }
    if (account.captcha()) {
      return result("CAPTCHA");
    }
    if (account.password() == null) {
      return result("PASSWORD_NOT_SET");
    }
    if (!account.password().equals(form.get("session_password"))) {
      return result("BAD_PASSWORD");
    }
    if (account.twoStep() == Account.TwoStep.NONE) {
      return pass(account);
    }
    String id = token(12);
    challenges.put(
        id,
        new Challenge(
            account.email(),
            account.twoStep(),
            Instant.now().plus(CHALLENGE_LIFETIME),
            Approval.WAITING));
    return challenged(id, account.twoStep(), account);
  }

  private Reply verify(HttpExchange exchange, Map<String, String> form) {
    if (!csrfMatches(exchange)) {
      return csrfRefused();
    }
    Challenge challenge = challenges.get(String.valueOf(form.get("challenge_id")));
    if (challenge == null || challenge.expiresAt().isBefore(Instant.now())) {
      return result("EXPIRED");
    }
    Account account = accounts.get(challenge.email().toLowerCase());
    String pin = form.getOrDefault("pin", "");
    boolean passed =
        switch (challenge.type()) {
          case EMAIL_PIN, SMS_PIN -> account.pin().equals(pin);
          case AUTHENTICATOR_APP -> Totp.verify(account.totpSecret(), pin, Instant.now());
          case APP_APPROVAL -> {
            if (challenge.approval() == Approval.REJECTED) {
              challenges.remove(String.valueOf(form.get("challenge_id")));
              yield false;
            }
            yield challenge.approval() == Approval.APPROVED;
          }
          case NONE -> true;
        };
    if (passed) {
      challenges.remove(String.valueOf(form.get("challenge_id")));
      return pass(account);
    }
    if (challenge.type() == Account.TwoStep.APP_APPROVAL) {
      return result(challenge.approval() == Approval.REJECTED ? "REJECTED" : "PENDING");
    }
    return result("BAD_PIN");
  }

  /**
   * Sends the code again, or another way ({@code method}: EMAIL_PIN or SMS_PIN), as LinkedIn's
   * "resend" and "try another way" do.
   */
  private Reply resend(HttpExchange exchange, Map<String, String> form) {
    if (!csrfMatches(exchange)) {
      return csrfRefused();
    }
    String id = String.valueOf(form.get("challenge_id"));
    Challenge challenge = challenges.get(id);
    if (challenge == null || challenge.expiresAt().isBefore(Instant.now())) {
      return result("EXPIRED");
    }
    Account.TwoStep type =
        form.containsKey("method") ? Account.TwoStep.valueOf(form.get("method")) : challenge.type();
    if (type != Account.TwoStep.EMAIL_PIN
        && type != Account.TwoStep.SMS_PIN
        && type != challenge.type()) {
      return Reply.json(400, Map.of("status", 400, "message", "codes can be sent by email or SMS"));
    }
    challenges.put(
        id, new Challenge(challenge.email(), type, challenge.expiresAt(), challenge.approval()));
    return challenged(id, type, accounts.get(challenge.email().toLowerCase()));
  }

  private Reply me(HttpExchange exchange, Map<String, String> form) {
    String email = sessions.get(cookies(exchange).getOrDefault("li_at", ""));
    if (email == null || !csrfMatches(exchange)) {
      return Reply.json(401, Map.of("status", 401));
    }
    Account account = accounts.get(email.toLowerCase());
    Map<String, Object> profile = new HashMap<>();
    profile.put("firstName", account.firstName());
    profile.put("lastName", account.lastName());
    profile.put("headline", account.headline());
    profile.put("publicIdentifier", account.publicIdentifier());
    profile.put("emailAddress", account.email());
    profile.put("salesNavigator", account.salesNavigator());
    return Reply.json(200, profile);
  }

  /**
   * {@code POST /simulator/accounts/{email}/approve} (or {@code /reject}): the member answers the
   * sign-in request in the LinkedIn app; {@code POST /simulator/accounts/{email}/revoke}: their
   * sessions end.
   */
  private Reply control(HttpExchange exchange, Map<String, String> form) {
    String[] path = exchange.getRequestURI().getPath().split("/");
    if (path.length != 5 || !path[2].equals("accounts")) {
      return Reply.json(404, Map.of("status", 404));
    }
    String email = URLDecoder.decode(path[3], StandardCharsets.UTF_8);
    switch (path[4]) {
      case "approve", "reject" -> {
        Approval approval = path[4].equals("approve") ? Approval.APPROVED : Approval.REJECTED;
        challenges.replaceAll(
            (id, c) ->
                c.email().equalsIgnoreCase(email)
                    ? new Challenge(c.email(), c.type(), c.expiresAt(), approval)
                    : c);
        return Reply.json(200, Map.of("approval", approval.name()));
      }
      case "revoke" -> {
        revokeSessions(email);
        return Reply.json(200, Map.of());
      }
      default -> {
        return Reply.json(404, Map.of("status", 404));
      }
    }
  }

  private Reply pass(Account account) {
    String liAt = "AQE" + token(24);
    sessions.put(liAt, account.email());
    return result("PASS").cookie("li_at", liAt);
  }

  /** A challenge to answer: its id, its kind, and where the code went. */
  private static Reply challenged(String id, Account.TwoStep type, Account account) {
    return Reply.json(
        200,
        Map.of(
            "login_result",
            "CHALLENGE",
            "challenge_id",
            id,
            "challenge_type",
            type.name(),
            "hint",
            account.hint(type)));
  }

  private static Reply csrfRefused() {
    return Reply.json(403, Map.of("status", 403, "message", "CSRF check failed"));
  }

  private static Reply result(String loginResult) {
    return Reply.json(200, Map.of("login_result", loginResult));
  }

  private static boolean csrfMatches(HttpExchange exchange) {
    String session = cookies(exchange).get("JSESSIONID");
    return session != null && session.equals(exchange.getRequestHeaders().getFirst("csrf-token"));
  }

  private static Map<String, String> cookies(HttpExchange exchange) {
    Map<String, String> cookies = new HashMap<>();
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
    }
    return cookies;
  }

  private static void handle(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      Map<String, String> form = new HashMap<>();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      Reply reply = handler.handle(exchange, form);
      byte[] bytes = JSON.writeValueAsBytes(reply.body());
      reply
          .cookies()
          .forEach(
              (name, value) ->
                  exchange
                      .getResponseHeaders()
                      .add("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly"));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  @FunctionalInterface
  private interface Handler {
    Reply handle(HttpExchange exchange, Map<String, String> form);
  }

  private record Reply(int status, Object body, Map<String, String> cookies) {
    static Reply json(int status, Object body) {
      return new Reply(status, body, new HashMap<>());
    }

    Reply cookie(String name, String value) {
      cookies.put(name, value);
      return this;
    }
  }
}
