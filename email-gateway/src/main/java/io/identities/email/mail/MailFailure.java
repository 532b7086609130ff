package io.identities.email.mail;

/** A mail server refused or could not be reached; {@link #kind()} says which way. */
public class MailFailure extends RuntimeException {

  public enum Kind {
    AUTHENTICATION_REFUSED,
    TLS_FAILURE,
    HOST_UNREACHABLE,
    TIMEOUT,
    /** The server refused the message or a recipient permanently (SMTP 5xx). */
    REJECTED,
    /** Anything else, including temporary refusals (SMTP 4xx): worth trying again later. */
    UNAVAILABLE
  }

  public enum Protocol {
    SMTP,
    IMAP
  }

  private final Kind kind;
  private final Protocol protocol;
  private final Refusal refusal;

  public MailFailure(Kind kind, Protocol protocol, String message, Throwable cause) {
    this(kind, protocol, message, cause, null);
  }

  private MailFailure(
      Kind kind, Protocol protocol, String message, Throwable cause, Refusal refusal) {
    super(message, cause);
    this.kind = kind;
    this.protocol = protocol;
    this.refusal = refusal;
  }

  /** The SMTP server refused the message or a recipient for good (5xx): {@link Kind#REJECTED}. */
  public static MailFailure rejected(String message, Refusal refusal, Throwable cause) {
    return new MailFailure(Kind.REJECTED, Protocol.SMTP, message, cause, refusal);
  }

  public Kind kind() {
    return kind;
  }

  /** For a {@link Kind#REJECTED} failure, whom the refusal is about; else null. */
  public Refusal refusal() {
    return refusal;
  }

  public Protocol protocol() {
    return protocol;
  }
}
