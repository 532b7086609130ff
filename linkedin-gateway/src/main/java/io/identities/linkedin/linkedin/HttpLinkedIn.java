package io.identities.linkedin.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * LinkedIn's web login over HTTP, as open-source LinkedIn clients do it: fetch the login page for
 * the {@code JSESSIONID} cookie (also the CSRF token), post the credentials to {@code
 * /uas/authenticate}, answer a challenge at {@code /checkpoint/challenge/verify}, and read {@code
 * /voyager/api/me} with the {@code li_at} session cookie. Nothing it sends is logged.
 */
@ApplicationScoped
public class HttpLinkedIn implements LinkedIn {

  static {
    // The JDK refuses Basic credentials for proxy tunnels (HTTPS through CONNECT) unless told;
    // proxy providers use Basic. Read when the JDK's HTTP client first authenticates.
    System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
  }

  private final LinkedInConfig config;
  private final ObjectMapper json;
  private final HttpClient http;
  private final OutboundProxy proxy;
  private final Map<OutboundProxy, HttpLinkedIn> viaProxies;

  @Inject
  HttpLinkedIn(LinkedInConfig config, ObjectMapper json) {
    this(config, json, null, new ConcurrentHashMap<>());
  }

  private HttpLinkedIn(
      LinkedInConfig config,
      ObjectMapper json,
      OutboundProxy proxy,
      Map<OutboundProxy, HttpLinkedIn> viaProxies) {
    this.config = config;
    this.json = json;
    this.proxy = proxy;
    this.viaProxies = viaProxies;
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (proxy != null) {
      http.proxy(
          ProxySelector.of(
              new InetSocketAddress(proxy.address().getHost(), proxy.address().getPort())));
      if (proxy.hasCredentials()) {
        http.authenticator(
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                    ? new PasswordAuthentication(proxy.username(), proxy.password().toCharArray())
                    : null;
              }
            });
      }
    }
    this.http = http.build();
  }

  /** One client per proxy, kept: its connections are reused, its address stays the same. */
  @Override
  public LinkedIn via(OutboundProxy proxy) {
    if (proxy == null) {
      return this;
    }
    return viaProxies.computeIfAbsent(proxy, p -> new HttpLinkedIn(config, json, p, viaProxies));
  }

  @Override
  public LoginResult logIn(String email, String password) {
    HttpResponse<String> page = send(get("/uas/login", Map.of()));
    String jsessionId =
        cookie(page, "JSESSIONID")
            .orElseThrow(() -> new UnavailableException("LinkedIn set no JSESSIONID", null));
    HttpResponse<String> answer =
        send(
            post(
                "/uas/authenticate",
                jsessionId,
                Map.of(),
                Map.of("session_key", email, "session_password", password)));
    JsonNode body = body(answer);
    return switch (body.path("login_result").asText()) {
      case "PASS" -> connected(answer, jsessionId);
      case "CHALLENGE" ->
          new Challenged(
              new PendingLogin(
                  body.path("challenge_id").asText(),
                  ChallengeType.valueOf(body.path("challenge_type").asText()),
                  body.path("hint").asText(),
                  jsessionId));
      case "BAD_EMAIL" -> new Refused(Refusal.UNKNOWN_EMAIL);
      case "BAD_PASSWORD" -> new Refused(Refusal.WRONG_PASSWORD);
      case "PASSWORD_NOT_SET" -> new Refused(Refusal.NO_PASSWORD_SET);
      case "CAPTCHA" -> new Refused(Refusal.TOO_MANY_ATTEMPTS);
      default -> throw unexpected(answer);
    };
  }

  @Override
  public LoginResult verify(PendingLogin pending, String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("challenge_id", pending.challengeId());
    form.put("pin", code == null ? "" : code);
    HttpResponse<String> answer =
        send(post("/checkpoint/challenge/verify", pending.jsessionId(), Map.of(), form));
    return switch (body(answer).path("login_result").asText()) {
      case "PASS" -> connected(answer, pending.jsessionId());
      case "BAD_PIN" -> new Refused(Refusal.WRONG_CODE);
      case "PENDING" -> new Refused(Refusal.APPROVAL_PENDING);
      case "REJECTED" -> new Refused(Refusal.APPROVAL_REJECTED);
      case "EXPIRED" -> new Refused(Refusal.CHALLENGE_EXPIRED);
      default -> throw unexpected(answer);
    };
  }

  @Override
  public LoginResult resend(PendingLogin pending, ChallengeType method) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("challenge_id", pending.challengeId());
    if (method != null) {
      form.put("method", method.name());
    }
    HttpResponse<String> answer =
        send(post("/checkpoint/challenge/resend", pending.jsessionId(), Map.of(), form));
    JsonNode body = body(answer);
    return switch (body.path("login_result").asText()) {
      case "CHALLENGE" ->
          new Challenged(
              new PendingLogin(
                  pending.challengeId(),
                  ChallengeType.valueOf(body.path("challenge_type").asText()),
                  body.path("hint").asText(),
                  pending.jsessionId()));
      case "EXPIRED" -> new Refused(Refusal.CHALLENGE_EXPIRED);
      default -> throw unexpected(answer);
    };
  }

  @Override
  public Profile profile(Session session) {
    HttpResponse<String> answer =
        send(
            get(
                    "/voyager/api/me",
                    Map.of("li_at", session.liAt(), "JSESSIONID", session.jsessionId()))
                .header("csrf-token", session.jsessionId())
                .build());
    if (answer.statusCode() == 401 || answer.statusCode() == 403) {
      throw new SessionExpiredException();
    }
    JsonNode me = body(answer);
    return new Profile(
        me.path("firstName").asText(null),
        me.path("lastName").asText(null),
        me.path("headline").asText(null),
        me.path("publicIdentifier").asText(null),
        me.path("emailAddress").asText(null),
        me.path("salesNavigator").asBoolean(false));
  }

  private Connected connected(HttpResponse<String> answer, String jsessionId) {
    Session session =
        new Session(
            cookie(answer, "li_at")
                .orElseThrow(() -> new UnavailableException("LinkedIn set no li_at", null)),
            jsessionId);
    return new Connected(session, profile(session));
  }

  private HttpRequest.Builder get(String path, Map<String, String> cookies) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(config.timeout()).GET();
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookieHeader(cookies));
    }
    return request;
  }

  private HttpRequest post(
      String path, String jsessionId, Map<String, String> cookies, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(cookies);
    all.put("JSESSIONID", jsessionId);
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri(path))
        .timeout(config.timeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookieHeader(all))
        .header("csrf-token", jsessionId)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (proxy != null && response.statusCode() == 407) {
        throw new ProxyFailedException("the proxy " + proxy + " refused its credentials", null);
      }
      return response;
    } catch (IOException e) {
      if (proxy != null) {
        throw new ProxyFailedException(
            "LinkedIn cannot be reached through " + proxy + ": " + e.getClass().getSimpleName(), e);
      }
      throw new UnavailableException(
          "LinkedIn cannot be reached: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted", e);
    }
  }

  private JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw unexpected(response);
    }
  }

  private static UnavailableException unexpected(HttpResponse<String> response) {
    return new UnavailableException(
        "LinkedIn answered " + response.statusCode() + " unexpectedly", null);
  }

  private URI uri(String path) {
    return URI.create(config.baseUrl() + path);
  }

  private static Optional<String> cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("set-cookie").stream()
        .map(header -> header.split(";", 2)[0])
        .filter(pair -> pair.startsWith(name + "="))
        .map(pair -> pair.substring(name.length() + 1))
        .findFirst();
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
