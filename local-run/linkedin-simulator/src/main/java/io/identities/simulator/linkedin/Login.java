package io.identities.simulator.linkedin;

import io.identities.simulator.linkedin.CheckpointPages.Check;
import io.identities.simulator.linkedin.CheckpointPages.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LinkedIn's web sign-in, as open-source clients drive it:
 *
 * <ul>
 *   <li>{@code GET /checkpoint/lg/login}: the sign-in page; it sets the {@code JSESSIONID} cookie
 *       ({@code "ajax:<hex>"}, quotes included), whose value without the quotes is the form's
 *       {@code csrfToken}, and carries a {@code loginCsrfParam};
 *   <li>{@code POST /checkpoint/lg/login-submit} with the page's hidden inputs, {@code session_key}
 *       and {@code session_password}: a {@code 303} to {@code /feed/} setting the {@code li_at}
 *       session cookie; a {@code 303} to a security check ({@code
 *       /checkpoint/challenge/<id>?ut=...}); or the sign-in page again with the error under the
 *       field it concerns;
 *   <li>{@code GET /checkpoint/challenge/<id>}: the check's page (email or SMS PIN, authenticator
 *       app, approval in the LinkedIn app, or a captcha after too many attempts);
 *   <li>{@code POST /checkpoint/challenge/verify} with the page's hidden inputs and the {@code
 *       pin}: a {@code 303} to {@code /feed/} with {@code li_at}; the page again with an alert (a
 *       wrong code, an approval declined) or without (an approval not given yet); a {@code 303} to
 *       the sign-in page once the check has expired;
 *   <li>{@code POST /checkpoint/challenge/resend} (the page's {@code resendUrl}) with the hidden
 *       inputs: the code again, or by email or SMS instead when {@code challengeType} asks for the
 *       other PIN check ("try another way").
 * </ul>
 *
 * A form whose {@code csrfToken} is not the session's answers 403.
 */
final class Login {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);
  private static final String WRONG_PIN =
      "The verification code you entered isn't valid. Please check the code and try again.";

  private final Accounts accounts;
  private final Sessions sessions;

  /** The {@code loginCsrfParam} each sign-in page handed out, by its csrfToken. */
  private final Map<String, String> signInPages = new ConcurrentHashMap<>();

  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

  private record Challenge(
      String email, Check check, String csrfToken, Instant expiresAt, Approval approval) {

    Challenge with(Check check) {
      return new Challenge(email, check, csrfToken, expiresAt, approval);
    }

    Challenge with(Approval approval) {
      return new Challenge(email, check, csrfToken, expiresAt, approval);
    }
  }

  /** The member's answer to a sign-in request in the LinkedIn app. */
  enum Approval {
    WAITING,
    APPROVED,
    REJECTED
  }

  Login(Accounts accounts, Sessions sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  /** The member answers the sign-in requests waiting in their LinkedIn app. */
  void answer(String email, Approval approval) {
    challenges.replaceAll((id, c) -> c.email().equalsIgnoreCase(email) ? c.with(approval) : c);
  }

  Reply signInPage(Request request) {
    String csrfToken = "ajax:" + Tokens.hex(8);
    String loginCsrfParam = Tokens.hex(16);
    signInPages.put(csrfToken, loginCsrfParam);
    return Reply.html(200, CheckpointPages.signIn(csrfToken, loginCsrfParam, null, null))
        .cookie("JSESSIONID", "\"" + csrfToken + "\"");
  }

  Reply submit(Request request) {
    Map<String, String> form = request.form();
    Optional<String> csrfToken = formCsrfToken(request, form);
    if (csrfToken.isEmpty()
        || !form.getOrDefault("loginCsrfParam", "").equals(signInPages.get(csrfToken.get()))) {
      return csrfRefused();
    }
    Optional<Account> found =
        accounts.find(form.getOrDefault("session_key", "")).map(AccountState::account);
    if (found.isEmpty()) {
      return signInAgain(
          csrfToken.get(),
          Field.USERNAME,
          "Couldn't find a LinkedIn account associated with this email. Please try again.");
    }
    Account account = found.get();
    if (account.captcha()) {
      return challenge(account, Check.CAPTCHA, csrfToken.get());
    }
    if (account.password() == null) {
      return signInAgain(
          csrfToken.get(),
          Field.PASSWORD,
          "This account has no password: it signs in with Google, Microsoft or Apple."
              + " Set a password in your LinkedIn settings to sign in with one.");
    }
    if (!account.password().equals(form.get("session_password"))) {
      return signInAgain(
          csrfToken.get(),
          Field.PASSWORD,
          "That's not the right password. Try again or sign in with a one-time link.");
    }
    signInPages.remove(csrfToken.get());
    if (account.twoStep() == Account.TwoStep.NONE) {
      return pass(account);
    }
    return challenge(account, Check.of(account.twoStep()), csrfToken.get());
  }

  /** {@code GET /checkpoint/challenge/<id>}: the page of a check still open. */
  Reply challengePage(Request request) {
    String id = request.path().substring(CheckpointPages.CHALLENGE.length());
    return open(id, request.cookie("JSESSIONID").map(Login::unquoted))
        .map(challenge -> page(id, challenge, null))
        .orElseGet(() -> Reply.redirect(CheckpointPages.SIGN_IN));
  }

  Reply verify(Request request) {
    Map<String, String> form = request.form();
    if (formCsrfToken(request, form).isEmpty()) {
      return csrfRefused();
    }
    String id = form.getOrDefault("challengeId", "");
    Optional<Challenge> open = open(id, formCsrfToken(request, form));
    if (open.isEmpty()) {
      return Reply.redirect(CheckpointPages.SIGN_IN);
    }
    Challenge challenge = open.get();
    Account account = accounts.get(challenge.email()).account();
    String pin = form.getOrDefault("pin", "");
    boolean passed =
        switch (challenge.check()) {
          case EMAIL_PIN, SMS_PIN -> account.pin().equals(pin);
          case AUTHENTICATOR_APP -> Totp.verify(account.totpSecret(), pin, Instant.now());
          case APP_APPROVAL -> challenge.approval() == Approval.APPROVED;
          case CAPTCHA -> false;
        };
    if (passed) {
      challenges.remove(id);
      return pass(account);
    }
    return switch (challenge.check()) {
      case APP_APPROVAL ->
          page(
              id,
              challenge,
              challenge.approval() == Approval.REJECTED
                  ? "You declined this sign-in in the LinkedIn app."
                  : null);
      case CAPTCHA -> page(id, challenge, "Please complete the security check.");
      default -> page(id, challenge, WRONG_PIN);
    };
  }

  /** The code again, or by email or SMS instead, as LinkedIn's "resend" and "try another way". */
  Reply resend(Request request) {
    Map<String, String> form = request.form();
    if (formCsrfToken(request, form).isEmpty()) {
      return csrfRefused();
    }
    String id = form.getOrDefault("challengeId", "");
    Optional<Challenge> open = open(id, formCsrfToken(request, form));
    if (open.isEmpty()) {
      return Reply.redirect(CheckpointPages.SIGN_IN);
    }
    Check asked = Check.ofChallengeType(form.getOrDefault("challengeType", ""));
    Challenge challenge = open.get();
    if (asked != challenge.check() && asked != Check.EMAIL_PIN && asked != Check.SMS_PIN) {
      return Reply.json(400, Map.of("status", 400, "message", "codes can be sent by email or SMS"));
    }
    Challenge now = challenge.with(asked);
    challenges.put(id, now);
    return page(id, now, null);
  }

  private Reply challenge(Account account, Check check, String csrfToken) {
    String id = "AQ" + Tokens.alphanumeric(24);
    challenges.put(
        id,
        new Challenge(
            account.email(),
            check,
            csrfToken,
            Instant.now().plus(CHALLENGE_LIFETIME),
            Approval.WAITING));
    return Reply.redirect(CheckpointPages.CHALLENGE + id + "?ut=" + Tokens.alphanumeric(22));
  }

  private Optional<Challenge> open(String id, Optional<String> csrfToken) {
    return Optional.ofNullable(challenges.get(id))
        .filter(c -> c.expiresAt().isAfter(Instant.now()))
        .filter(c -> csrfToken.filter(c.csrfToken()::equals).isPresent());
  }

  private Reply page(String id, Challenge challenge, String error) {
    Account account = accounts.get(challenge.email()).account();
    String hint =
        challenge.check() == Check.CAPTCHA
            ? "Please complete the security check."
            : account.hint(Account.TwoStep.valueOf(challenge.check().name()));
    return Reply.html(
        200, CheckpointPages.challenge(challenge.check(), id, challenge.csrfToken(), hint, error));
  }

  private Reply signInAgain(String csrfToken, Field field, String error) {
    return Reply.html(
        200, CheckpointPages.signIn(csrfToken, signInPages.get(csrfToken), field, error));
  }

  private Reply pass(Account account) {
    return Reply.redirect("/feed/").cookie("li_at", sessions.open(account.email()));
  }

  /** The form's csrfToken, when it is the JSESSIONID cookie's value without the quotes. */
  private static Optional<String> formCsrfToken(Request request, Map<String, String> form) {
    String token = form.get("csrfToken");
    return request
        .cookie("JSESSIONID")
        .map(Login::unquoted)
        .filter(session -> session.equals(token));
  }

  private static String unquoted(String value) {
    return value.replace("\"", "");
  }

  private static Reply csrfRefused() {
    return Reply.json(403, Map.of("status", 403, "message", "CSRF check failed"));
  }
}
