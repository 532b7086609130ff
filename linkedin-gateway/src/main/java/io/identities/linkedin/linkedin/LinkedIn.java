package io.identities.linkedin.linkedin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * LinkedIn, as this gateway needs it: log a member in with their credentials (the password is used
 * for that one call and never kept), answer the two-step challenge LinkedIn may raise, read the
 * profile behind a session, and act for the member: read a person's profile, invite them, message a
 * connection. {@link HttpLinkedIn} is the real adapter.
 *
 * <p>Every action may throw {@link SessionExpiredException}, {@link ThrottledException}, {@link
 * RestrictedException} or {@link UnavailableException}; a refusal of the action itself is a {@link
 * RefusedException} with LinkedIn's code.
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

  /**
   * A person's profile as the member sees it, with their degree of connection.
   *
   * @param person a profile URL ({@code https://www.linkedin.com/in/<name>}) or a member id
   * @throws RefusedException {@code NOT_FOUND} when LinkedIn knows no such profile
   */
  Person person(Session session, String person);

  /**
   * The person as Sales Navigator shows them to the member's seat: a Sales Navigator profile view,
   * one of the account's scrapings.
   *
   * @param person as {@link #person} found them
   */
  Person lead(Session session, Person person);

  /**
   * Invites a person to connect, with a note (null for none); answers LinkedIn's invitation id.
   *
   * @throws RefusedException e.g. {@code CANT_RESEND_YET}, {@code CUSTOM_INVITE_LIMIT_REACHED},
   *     {@code FUSE_LIMIT_EXCEEDED} (the weekly limit), {@code ALREADY_CONNECTED}
   */
  String invite(Session session, Person person, String note);

  /**
   * Sends a message from the member ({@code memberId}) to a connection; {@code originToken} makes a
   * retry deliver once. Answers LinkedIn's message id.
   */
  String message(Session session, String memberId, Person person, String text, String originToken);

  /** The member's invitations still waiting for an answer (LinkedIn's sent-invitations list). */
  List<SentInvitation> sentInvitations(Session session);

  /** The member's connections made after {@code since}, most recent first. */
  List<NewConnection> connectionsSince(Session session, Instant since);

  /**
   * Withdraws a pending invitation; false when LinkedIn has no such pending invitation any more
   * (accepted, withdrawn, declined).
   */
  boolean withdraw(Session session, String invitationId, String sharedSecret);

  /**
   * A session's cookies: {@code li_at}, and {@code JSESSIONID}, which is also its CSRF token. Kept
   * sealed as JSON, read back with Jackson (so registered for native images).
   */
  @RegisterForReflection
  record Session(String liAt, String jsessionId) {}

  /**
   * An invitation of the member's waiting for an answer.
   *
   * @param invitationId LinkedIn's id
   * @param sharedSecret what withdrawing it takes
   * @param note null for none
   */
  record SentInvitation(
      String invitationId,
      String sharedSecret,
      Instant sentAt,
      String memberId,
      String publicIdentifier,
      String firstName,
      String lastName,
      String note) {}

  /** A person the member got connected to, and when. */
  record NewConnection(String memberId, String publicIdentifier, Instant connectedAt) {}

  /**
   * A LinkedIn member as another member sees them.
   *
   * @param degree 1, 2, 3, or null out of network (0 for the member themself)
   * @param invitationPending an invitation from the member to this person waits for an answer
   */
  record Person(
      String memberId,
      String publicIdentifier,
      String firstName,
      String lastName,
      String headline,
      String company,
      String location,
      Integer degree,
      boolean invitationPending) {

    public String profileUrl() {
      return "https://www.linkedin.com/in/" + publicIdentifier;
    }
  }

  /**
   * A login waiting for its challenge to be answered: what LinkedIn asks for and says, and what the
   * adapter posts back (the cookies of the sign-in, the security check's form). Kept sealed as JSON
   * during the handshake, read back with Jackson (so registered for native images).
   */
  @RegisterForReflection
  record PendingLogin(
      ChallengeType type,
      String hint,
      Map<String, String> cookies,
      String action,
      Map<String, String> form) {}

  /** How LinkedIn verifies this login. */
  enum ChallengeType {
    EMAIL_PIN,
    SMS_PIN,
    AUTHENTICATOR_APP,
    APP_APPROVAL
  }

  /** The member's public profile, and their member id. */
  record Profile(
      String memberId,
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

  /** LinkedIn said no to an action: its code (e.g. {@code CANT_RESEND_YET}) and its words. */
  class RefusedException extends RuntimeException {
    /** The profile asked for does not exist. */
    public static final String NOT_FOUND = "NOT_FOUND";

    private final String code;

    public RefusedException(String code, String words) {
      super(words);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** LinkedIn asks the account to slow down (429), or blocks it as a bot for now (999). */
  class ThrottledException extends RuntimeException {
    public ThrottledException(int status) {
      super("LinkedIn answered " + status + ": too many requests");
    }
  }

  /** LinkedIn has restricted the account: nothing should be done with it for now. */
  class RestrictedException extends RuntimeException {
    public RestrictedException(String words) {
      super(words);
    }
  }

  /** LinkedIn no longer accepts a session (expired, revoked, logged out elsewhere). */
  class SessionExpiredException extends RuntimeException {
    public SessionExpiredException() {
      super("LinkedIn no longer accepts this session");
    }
  }
}
