package io.identities.linkedin.linkedin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * LinkedIn's web sign-in over HTTP, as open-source LinkedIn clients do it: fetch the sign-in page
 * ({@code /checkpoint/lg/login}) for its cookies ({@code JSESSIONID}'s value, without quotes, is
 * the CSRF token) and its form's hidden inputs; post them with the credentials to {@code
 * /checkpoint/lg/login-submit}; a redirect setting {@code li_at} is a session, a redirect to {@code
 * /checkpoint/challenge/...} a security check whose form is posted back to {@code
 * /checkpoint/challenge/verify} with the code, and the sign-in page again says what was wrong. Then
 * the member's profile and actions through {@link Voyager} with the session's cookies. Nothing it
 * sends is logged.
 */
@ApplicationScoped
public class HttpLinkedIn implements LinkedIn {

  private static final String SIGN_IN = "/checkpoint/lg/login";
  private static final String SIGN_IN_SUBMIT = "/checkpoint/lg/login-submit";
  private static final String CHALLENGE = "/checkpoint/challenge/";
  private static final String VERIFY = "/checkpoint/challenge/verify";
  private static final String RESEND = "/checkpoint/challenge/resend";

  /**
   * The {@code challengeType} of each security check's form. The email PIN's is the one clients
   * match; the others are named the same way.
   */
  private static final Map<ChallengeType, String> CHECKS =
      Map.of(
          ChallengeType.EMAIL_PIN, "EmailPinChallenge",
          ChallengeType.SMS_PIN, "SmsPinChallenge",
          ChallengeType.AUTHENTICATOR_APP, "AuthenticatorAppChallenge",
          ChallengeType.APP_APPROVAL, "AppChallenge");

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
    HttpResponse<String> page = send(get(SIGN_IN, Map.of()));
    Map<String, String> cookies = Transport.cookies(page, new LinkedHashMap<>());
    String jsessionId = cookies.get("JSESSIONID");
    if (jsessionId == null || page.statusCode() != 200) {
      throw new UnavailableException("LinkedIn's sign-in page set no JSESSIONID", null);
    }
    CheckpointPage signIn = CheckpointPage.of(page.body());
    Map<String, String> form = new LinkedHashMap<>(signIn.hidden());
    form.putIfAbsent("csrfToken", Transport.csrfToken(jsessionId));
    form.put("session_key", email);
    form.put("session_password", password);
    HttpResponse<String> answer =
        send(post(action(signIn.action(), SIGN_IN_SUBMIT), cookies, form));
    Transport.cookies(answer, cookies);
    if (isRedirect(answer)) {
      if (cookies.containsKey("li_at")) {
        return connected(cookies);
      }
      String check = answer.headers().firstValue("Location").orElse("");
      if (!check.contains(CHALLENGE)) {
        throw unexpected(answer);
      }
      HttpResponse<String> checkPage = send(get(check, cookies));
      Transport.cookies(checkPage, cookies);
      return challenged(checkPage, cookies);
    }
    if (answer.statusCode() != 200) {
      throw unexpected(answer);
    }
    CheckpointPage again = CheckpointPage.of(answer.body());
    if (again.alert("error-for-username").isPresent()) {
      return new Refused(Refusal.UNKNOWN_EMAIL);
    }
    return again
        .alert("error-for-password")
        .map(
            error ->
                new Refused(
                    error.contains("no password")
                        ? Refusal.NO_PASSWORD_SET
                        : Refusal.WRONG_PASSWORD))
        .orElseThrow(() -> unexpected(answer));
  }

  @Override
  public LoginResult verify(PendingLogin pending, String code) {
    Map<String, String> cookies = new LinkedHashMap<>(pending.cookies());
    Map<String, String> form = new LinkedHashMap<>(pending.form());
    form.put("pin", code == null ? "" : code);
    HttpResponse<String> answer = send(post(action(pending.action(), VERIFY), cookies, form));
    Transport.cookies(answer, cookies);
    if (isRedirect(answer)) {
      // a session, or back to the sign-in page: the check is over
      return cookies.containsKey("li_at")
          ? connected(cookies)
          : new Refused(Refusal.CHALLENGE_EXPIRED);
    }
    if (answer.statusCode() != 200) {
      throw unexpected(answer);
    }
    boolean alerting = CheckpointPage.of(answer.body()).alerting();
    if (pending.type() == ChallengeType.APP_APPROVAL) {
      return new Refused(alerting ? Refusal.APPROVAL_REJECTED : Refusal.APPROVAL_PENDING);
    }
    return new Refused(Refusal.WRONG_CODE);
  }

  @Override
  public LoginResult resend(PendingLogin pending, ChallengeType method) {
    Map<String, String> cookies = new LinkedHashMap<>(pending.cookies());
    Map<String, String> form = new LinkedHashMap<>(pending.form());
    if (method != null) {
      form.put("challengeType", CHECKS.get(method));
    }
    HttpResponse<String> answer =
        send(post(action(form.getOrDefault("resendUrl", ""), RESEND), cookies, form));
    Transport.cookies(answer, cookies);
    if (isRedirect(answer)) {
      return new Refused(Refusal.CHALLENGE_EXPIRED);
    }
    return challenged(answer, cookies);
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
  public Person lead(Session session, Person person) {
    return voyager.lead(session, person);
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

  /** A security check's page: what it asks for, or a captcha (too many attempts). */
  private LoginResult challenged(HttpResponse<String> answer, Map<String, String> cookies) {
    if (answer.statusCode() != 200) {
      throw unexpected(answer);
    }
    CheckpointPage page = CheckpointPage.of(answer.body());
    if (page.field("captchaSiteKey").isPresent()) {
      return new Refused(Refusal.TOO_MANY_ATTEMPTS);
    }
    String asked = page.field("challengeType").orElse("");
    ChallengeType type =
        CHECKS.entrySet().stream()
            .filter(check -> check.getValue().equals(asked))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(
                () ->
                    new UnavailableException(
                        "LinkedIn asks for a security check the platform cannot answer: " + asked,
                        null));
    return new Challenged(
        new PendingLogin(type, page.subtitle(), Map.copyOf(cookies), page.action(), page.hidden()));
  }

  private Connected connected(Map<String, String> cookies) {
    Session session = new Session(cookies.get("li_at"), cookies.get("JSESSIONID"));
    return new Connected(session, profile(session));
  }

  private HttpRequest.Builder get(String pathOrUrl, Map<String, String> cookies) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathOrUrl))
            .timeout(config.timeout())
            .header("Accept", "text/html")
            .header("Accept-Language", "en-US,en;q=0.9")
            .GET();
    if (!cookies.isEmpty()) {
      request.header("Cookie", Transport.cookieHeader(cookies));
    }
    return request;
  }

  /** A form posted as a browser posts it: its cookies, no CSRF header (the form carries it). */
  private HttpRequest post(
      String pathOrUrl, Map<String, String> cookies, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri(pathOrUrl))
        .timeout(config.timeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .header("Accept-Language", "en-US,en;q=0.9")
        .header("Cookie", Transport.cookieHeader(cookies))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String action(String action, String fallback) {
    return action == null || action.isBlank() ? fallback : action;
  }

  private static boolean isRedirect(HttpResponse<String> response) {
    return response.statusCode() / 100 == 3;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    return transport.send(request);
  }

  private static UnavailableException unexpected(HttpResponse<String> response) {
    return Transport.unexpected(response);
  }

  /** A path on LinkedIn, or a URL a page links to, as long as it stays on LinkedIn. */
  private URI uri(String pathOrUrl) {
    URI base = URI.create(config.baseUrl());
    URI target = base.resolve(pathOrUrl);
    if (!base.getScheme().equals(target.getScheme())
        || !base.getAuthority().equals(target.getAuthority())) {
      throw new UnavailableException(
          "LinkedIn sent the sign-in elsewhere: " + target.getHost(), null);
    }
    return target;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
