package io.identities.simulator.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in for Google's or Microsoft's OAuth 2.0 authorization server, for mailboxes of a {@link
 * LocalMailServer}: a sign-in page at {@code /authorize} (authorization code flow, PKCE S256
 * required), {@code /token} for the code and refresh-token grants (RFC 6749), an OpenID Connect ID
 * token carrying the address. Each access token it issues becomes the one its mailbox accepts over
 * XOAUTH2, so an expired token really stops working once refreshed.
 */
public final class OAuthServer implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalMailServer mail;
  private final String clientId;
  private final String clientSecret;
  private final HttpServer server;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> address
  private final Map<String, AtomicInteger> refreshes = new ConcurrentHashMap<>();
  private volatile long accessTokenSeconds = 3600;

  private record Grant(String address, String redirectUri, String challenge) {}

  public OAuthServer(LocalMailServer mail, int port, String clientId, String clientSecret) {
    this.mail = mail;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.start();
  }

  public String authorizationEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/authorize";
  }

  public String tokenEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /**
   * An account of the provider: its mailbox is created with a password nobody knows, so only access
   * tokens issued here open it.
   */
  public void addAccount(String address, String password) {
    passwords.put(address, password);
    mail.addMailbox(address, token());
  }

  /** How long the access tokens issued from now on live. */
  public void accessTokensLive(long seconds) {
    accessTokenSeconds = seconds;
  }

  /** How many times the account's tokens were refreshed. */
  public int refreshes(String address) {
    return refreshes.computeIfAbsent(address, key -> new AtomicInteger()).get();
  }

  /** The owner withdrew the application's access: its refresh tokens stop working. */
  public void revoke(String address) {
    refreshTokens.values().removeIf(address::equals);
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> params =
        "POST".equals(exchange.getRequestMethod())
            ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
            : form(exchange.getRequestURI().getRawQuery());
    if (!clientId.equals(params.get("client_id"))
        || !"code".equals(params.get("response_type"))
        || !"S256".equals(params.get("code_challenge_method"))
        || params.get("redirect_uri") == null) {
      respond(exchange, 400, "text/plain", "invalid_request");
      return;
    }
    if ("GET".equals(exchange.getRequestMethod())) {
      respond(exchange, 200, "text/html; charset=utf-8", signInPage(params));
      return;
    }
    String address = params.getOrDefault("email", "");
    String redirect = params.get("redirect_uri") + "?state=" + encode(params.get("state"));
    if ("deny".equals(params.get("decision"))) {
      redirect(exchange, redirect + "&error=access_denied");
    } else if (!params.getOrDefault("password", "").equals(passwords.get(address))) {
      respond(exchange, 401, "text/plain", "wrong email or password");
    } else {
      String code = token();
      codes.put(code, new Grant(address, params.get("redirect_uri"), params.get("code_challenge")));
      redirect(exchange, redirect + "&code=" + encode(code));
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> params =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!clientId.equals(params.get("client_id"))
        || !clientSecret.equals(params.get("client_secret"))) {
      error(exchange, 401, "invalid_client");
      return;
    }
    String address;
    if ("authorization_code".equals(params.get("grant_type"))) {
      Grant grant = codes.remove(String.valueOf(params.get("code")));
      if (grant == null
          || !grant.redirectUri().equals(params.get("redirect_uri"))
          || !grant.challenge().equals(challenge(params.getOrDefault("code_verifier", "")))) {
        error(exchange, 400, "invalid_grant");
        return;
      }
      address = grant.address();
    } else if ("refresh_token".equals(params.get("grant_type"))) {
      address = refreshTokens.remove(String.valueOf(params.get("refresh_token")));
      if (address == null) {
        error(exchange, 400, "invalid_grant");
        return;
      }
      refreshes.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
    } else {
      error(exchange, 400, "unsupported_grant_type");
      return;
    }
    String access = token();
    String refresh = token();
    refreshTokens.put(refresh, address);
    mail.changePassword(address, access); // the mailbox accepts this token from now on
    String idToken =
        base64("{\"alg\":\"none\"}")
            + "."
            + base64(
                "{\"iss\":\"local-oauth\",\"aud\":\""
                    + clientId
                    + "\",\"email\":\""
                    + address
                    + "\"}")
            + ".";
    respond(
        exchange,
        200,
        "application/json",
        "{\"access_token\":\""
            + access
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + accessTokenSeconds
            + ",\"refresh_token\":\""
            + refresh
            + "\",\"id_token\":\""
            + idToken
            + "\"}");
  }

  private static String signInPage(Map<String, String> params) {
    String hidden =
        params.entrySet().stream()
            .map(
                e ->
                    "<input type=\"hidden\" name=\""
                        + escape(e.getKey())
                        + "\" value=\""
                        + escape(e.getValue())
                        + "\">")
            .collect(Collectors.joining());
    return "<!DOCTYPE html><html><head><title>Sign in (local OAuth)</title></head><body>"
        + "<h1>Sign in to allow mail access</h1><form method=\"post\" action=\"/authorize\">"
        + hidden
        + "<label>Email <input name=\"email\" type=\"email\"></label>"
        + "<label>Password <input name=\"password\" type=\"password\"></label>"
        + "<button name=\"decision\" value=\"allow\">Allow</button>"
        + "<button name=\"decision\" value=\"deny\">Deny</button></form></body></html>";
  }

  private static void error(HttpExchange exchange, int status, String error) throws IOException {
    respond(exchange, status, "application/json", "{\"error\":\"" + error + "\"}");
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> form = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return form;
    }
    Arrays.stream(encoded.split("&"))
        .map(pair -> pair.split("=", 2))
        .forEach(
            pair ->
                form.put(
                    URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    return form;
  }

  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
