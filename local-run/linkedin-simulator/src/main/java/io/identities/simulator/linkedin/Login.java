package io.identities.simulator.linkedin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LinkedIn's web login, the way open-source clients use it:
 *
 * <ul>
 *   <li>{@code GET /uas/login}: sets the {@code JSESSIONID} cookie ({@code "ajax:<hex>"}, quotes
 *       included); the next requests send its value without the quotes in a {@code csrf-token}
 *       header;
 *   <li>{@code POST /uas/authenticate} with {@code session_key} and {@code session_password}:
 *       answers {@code {"login_result": ...}}: {@code PASS} (and the {@code li_at} session cookie),
 *       {@code CHALLENGE} (with {@code challenge_id}, {@code challenge_type}, {@code hint}), {@code
 *       BAD_EMAIL}, {@code BAD_PASSWORD}, {@code PASSWORD_NOT_SET} (social-login account) or {@code
 *       CAPTCHA};
 *   <li>{@code POST /checkpoint/challenge/verify} with {@code challenge_id} and {@code pin}: {@code
 *       PASS}, {@code BAD_PIN}, {@code PENDING} (app approval not given yet), {@code REJECTED} or
 *       {@code EXPIRED};
 *   <li>{@code POST /checkpoint/challenge/resend} with {@code challenge_id} and an optional {@code
 *       method} (EMAIL_PIN or SMS_PIN): the code again, or another way.
 * </ul>
 *
 * A wrong csrf-token answers 403.
 */
final class Login {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);

  private final Accounts accounts;
  private final Sessions sessions;
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

  private record Challenge(
      String email, Account.TwoStep type, Instant expiresAt, Approval approval) {}

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
    challenges.replaceAll(
        (id, c) ->
            c.email().equalsIgnoreCase(email)
                ? new Challenge(c.email(), c.type(), c.expiresAt(), approval)
                : c);
  }

  Reply page(Request request) {
    return Reply.json(200, Map.of()).cookie("JSESSIONID", "\"ajax:" + Tokens.hex(8) + "\"");
  }

  Reply authenticate(Request request) {
    if (!request.csrfMatches()) {
      return csrfRefused();
    }
    Map<String, String> form = request.form();
    Optional<Account> found =
        accounts.find(String.valueOf(form.get("session_key"))).map(AccountState::account);
    if (found.isEmpty()) {
      return result("BAD_EMAIL");
    }
    Account account = found.get();
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
    String id = Tokens.hex(12);
    challenges.put(
        id,
        new Challenge(
            account.email(),
            account.twoStep(),
            Instant.now().plus(CHALLENGE_LIFETIME),
            Approval.WAITING));
    return challenged(id, account.twoStep(), account);
  }

  Reply verify(Request request) {
    if (!request.csrfMatches()) {
      return csrfRefused();
    }
    Map<String, String> form = request.form();
    String id = String.valueOf(form.get("challenge_id"));
    Challenge challenge = challenges.get(id);
    if (challenge == null || challenge.expiresAt().isBefore(Instant.now())) {
      return result("EXPIRED");
    }
    Account account = accounts.get(challenge.email()).account();
    String pin = form.getOrDefault("pin", "");
    boolean passed =
        switch (challenge.type()) {
          case EMAIL_PIN, SMS_PIN -> account.pin().equals(pin);
          case AUTHENTICATOR_APP -> Totp.verify(account.totpSecret(), pin, Instant.now());
          case APP_APPROVAL -> {
            if (challenge.approval() == Approval.REJECTED) {
              challenges.remove(id);
              yield false;
            }
            yield challenge.approval() == Approval.APPROVED;
          }
          case NONE -> true;
        };
    if (passed) {
      challenges.remove(id);
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
  Reply resend(Request request) {
    if (!request.csrfMatches()) {
      return csrfRefused();
    }
    Map<String, String> form = request.form();
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
    return challenged(id, type, accounts.get(challenge.email()).account());
  }

  private Reply pass(Account account) {
    return result("PASS").cookie("li_at", sessions.open(account.email()));
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
}
