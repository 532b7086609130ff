package io.identities.linkedin.linkedin;

/**
 * LinkedIn, as this gateway needs it: log a member in with their credentials (the password is used
 * for that one call and never kept), answer the two-step challenge LinkedIn may raise, and read the
 * profile behind a session. {@link HttpLinkedIn} is the real adapter.
 */
public interface LinkedIn {

  /** This LinkedIn, reached through {@code proxy}; null for a direct connection. */
  LinkedIn via(OutboundProxy proxy);

  LoginResult logIn(String email, String password);

  /**
   * Answers a pending challenge with the member's code; for an app approval (no code), asks whether
   * the member approved the sign-in yet.
   */
  LoginResult verify(PendingLogin pending, String code);

  /**
   * Asks LinkedIn to send the code again, or another way ({@code method} EMAIL_PIN or SMS_PIN; null
   * for the same way); answers the challenge as it now stands.
   */
  LoginResult resend(PendingLogin pending, ChallengeType method);

  /**
   * @throws SessionExpiredException when LinkedIn no longer accepts the session
   */
  Profile profile(Session session);

  /** A session's cookies: {@code li_at}, and {@code JSESSIONID}, which is also its CSRF token. */
  record Session(String liAt, String jsessionId) {}

  /** A login waiting for its challenge to be answered. */
  record PendingLogin(String challengeId, ChallengeType type, String hint, String jsessionId) {}

  /** How LinkedIn verifies this login. */
  enum ChallengeType {
    EMAIL_PIN,
    SMS_PIN,
    AUTHENTICATOR_APP,
    APP_APPROVAL
  }

  /** The member's public profile. */
  record Profile(
      String firstName,
      String lastName,
      String headline,
      String publicIdentifier,
      String email,
      boolean salesNavigator) {}

  /** What a login or a verification came to. */
  sealed interface LoginResult {}

  record Connected(Session session, Profile profile) implements LoginResult {}

  record Challenged(PendingLogin pending) implements LoginResult {}

  record Refused(Refusal reason) implements LoginResult {}

  /** Why LinkedIn said no, in terms a user can act on. */
  enum Refusal {
    UNKNOWN_EMAIL,
    WRONG_PASSWORD,
    /** The account signs in with Google, Microsoft or Apple, or an access key: no password set. */
    NO_PASSWORD_SET,
    /** LinkedIn asks for a captcha: too many attempts. */
    TOO_MANY_ATTEMPTS,
    WRONG_CODE,
    CHALLENGE_EXPIRED,
    /** App approval: the member has not answered in the app yet. */
    APPROVAL_PENDING,
    APPROVAL_REJECTED
  }

  /** LinkedIn cannot be reached or answered something this adapter does not understand. */
  class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The identity's proxy could not be reached or refused its credentials. */
  class ProxyFailedException extends UnavailableException {
    public ProxyFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** LinkedIn no longer accepts a session (expired, revoked, logged out elsewhere). */
  class SessionExpiredException extends RuntimeException {
    public SessionExpiredException() {
      super("LinkedIn no longer accepts this session");
    }
  }
}
