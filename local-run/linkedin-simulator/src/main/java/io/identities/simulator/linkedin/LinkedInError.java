package io.identities.simulator.linkedin;

import static io.identities.simulator.linkedin.Json.object;

import java.util.List;
import java.util.Map;

/**
 * The error answers LinkedIn gives, with its status codes and body shapes: Voyager's normalized
 * {@code {"data":{"code":...,"status":...,"message":...},"included":[]}} for refused actions, a
 * plain {@code {"status":...,"message":...}} for the rest.
 */
public enum LinkedInError {
  /** Unknown, expired or revoked {@code li_at}, or a csrf-token that is not the JSESSIONID. */
  UNAUTHORIZED(401, plain(401, null)),
  /** No such Voyager endpoint. */
  NOT_FOUND(404, plain(404, null)),
  /** A parameter or body LinkedIn cannot read. */
  BAD_REQUEST(400, plain(400, "Bad request")),
  /** Voyager's Rest.li endpoints want {@code x-restli-protocol-version: 2.0.0}. */
  MISSING_PROTOCOL_VERSION(400, plain(400, "missing x-restli-protocol-version")),
  /** The account is temporarily restricted: every Voyager call is refused. */
  ACCOUNT_RESTRICTED(
      403, normalized("ACCOUNT_RESTRICTED", 403, "Your account has been temporarily restricted")),
  /** Rate limiting. */
  TOO_MANY_REQUESTS(429, plain(429, "Too many requests")),
  /** LinkedIn's anti-bot block: status 999, empty body. */
  BLOCKED(999, null),
  PROFILE_NOT_FOUND(404, plain(404, "Profile not found")),
  /** An invitation to the member is pending, or one was withdrawn less than 3 weeks ago. */
  CANT_RESEND_YET(400, normalized("CANT_RESEND_YET", 400, null)),
  ALREADY_CONNECTED(400, normalized("ALREADY_CONNECTED", 400, "You are already connected")),
  CANT_INVITE(400, normalized("CANT_INVITE", 400, "This member can't be invited")),
  /** The weekly invitation limit is reached. */
  FUSE_LIMIT_EXCEEDED(
      429, normalized("FUSE_LIMIT_EXCEEDED", 429, "You've reached the weekly invitation limit")),
  /** A free account has used its invitations with a note for this month. */
  CUSTOM_INVITE_LIMIT_REACHED(
      429,
      normalized(
          "CUSTOM_INVITE_LIMIT_REACHED",
          429,
          "You've used all your personalized invitations for this month")),
  /** No such pending invitation (accepted, withdrawn or never sent). */
  INVITATION_NOT_FOUND(404, plain(404, "Invitation not found")),
  /** A withdrawal with the wrong shared secret (LinkedIn sends no {@code included} here). */
  INVALID_SHARED_SECRET(
      400, object("data", object("code", "INVALID_SHARED_SECRET", "status", 400))),
  /** A message sent from another member's mailbox. */
  FOREIGN_MAILBOX(403, plain(403, "mailbox does not belong to the member")),
  /** A message to nobody LinkedIn knows. */
  INVALID_RECIPIENT(422, plain(422, "Invalid recipient")),
  /** A message to a member who is not a 1st-degree connection. */
  PROFILE_NOT_ACCESSIBLE(403, plain(403, "This profile can't be accessed")),
  /** Sales Navigator's API, called by an account without a Sales Navigator seat. */
  NO_SALES_NAVIGATOR(403, plain(403, "This member has no Sales Navigator contract"));

  private final int status;
  private final Map<String, Object> body;

  LinkedInError(int status, Map<String, Object> body) {
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The JSON body, null for none. */
  Map<String, Object> body() {
    return body;
  }

  /** The exception that makes the simulator answer this error. */
  Refused refused() {
    return new Refused(this);
  }

  private static Map<String, Object> plain(int status, String message) {
    return object("status", status, "message", message);
  }

  private static Map<String, Object> normalized(String code, int status, String message) {
    return object(
        "data", object("code", code, "status", status, "message", message), "included", List.of());
  }

  /** LinkedIn refused a call with {@link #error()}. */
  public static final class Refused extends RuntimeException {

    private final LinkedInError error;

    Refused(LinkedInError error) {
      super("LinkedIn answers " + error.status + " " + error.name(), null, false, false);
      this.error = error;
    }

    public LinkedInError error() {
      return error;
    }
  }
}
