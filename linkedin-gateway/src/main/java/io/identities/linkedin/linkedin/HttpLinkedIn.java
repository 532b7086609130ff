package io.identities.linkedin.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * LinkedIn's web login over HTTP, as open-source LinkedIn clients do it: fetch the login page for
 * the {@code JSESSIONID} cookie (its value, without quotes, is the CSRF token), post the
 * credentials to {@code /uas/authenticate}, answer a challenge at {@code
 * /checkpoint/challenge/verify}; then the member's profile and actions through {@link Voyager} with
 * the {@code li_at} session cookie. Nothing it sends is logged.
 */
@ApplicationScoped
public class HttpLinkedIn implements LinkedIn {

  private final LinkedInConfig config;
  private final ObjectMapper json;
  private final Transport transport;
  private final Voyager voyager;
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
    this.viaProxies = viaProxies;
    this.transport = new Transport(config, proxy);
    this.voyager = new Voyager(config, json, transport);
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
        Transport.cookie(page, "JSESSIONID")
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
    try {
      return voyager.me(session);
    } catch (RefusedException e) {
      throw new SessionExpiredException(); // the session's own profile is always readable
    }
  }

  @Override
  public Person person(Session session, String person) {
    return voyager.person(session, person);
  }

  @Override
  public String invite(Session session, Person person, String note) {
    return voyager.invite(session, person, note);
  }

  @Override
  public String message(
      Session session, String memberId, Person person, String text, String originToken) {
    return voyager.message(session, memberId, person, text, originToken);
  }

  @Override
  public List<SentInvitation> sentInvitations(Session session) {
    return voyager.sentInvitations(session);
  }

  @Override
  public List<NewConnection> connectionsSince(Session session, Instant since) {
    return voyager.connectionsSince(session, since);
  }

  @Override
  public boolean withdraw(Session session, String invitationId, String sharedSecret) {
    return voyager.withdraw(session, invitationId, sharedSecret);
  }

  private Connected connected(HttpResponse<String> answer, String jsessionId) {
    Session session =
        new Session(
            Transport.cookie(answer, "li_at")
                .orElseThrow(() -> new UnavailableException("LinkedIn set no li_at", null)),
            jsessionId);
    return new Connected(session, profile(session));
  }

  private HttpRequest.Builder get(String path, Map<String, String> cookies) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(config.timeout()).GET();
    if (!cookies.isEmpty()) {
      request.header("Cookie", Transport.cookieHeader(cookies));
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
        .header("Cookie", Transport.cookieHeader(all))
        .header("csrf-token", Transport.csrfToken(jsessionId))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    return transport.send(request);
  }

  private JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw unexpected(response);
    }
  }

  private static UnavailableException unexpected(HttpResponse<String> response) {
    return Transport.unexpected(response);
  }

  private URI uri(String path) {
    return URI.create(config.baseUrl() + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
