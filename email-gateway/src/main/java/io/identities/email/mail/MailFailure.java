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

  public MailFailure(Kind kind, Protocol protocol, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.protocol = protocol;
  }

  public Kind kind() {
    return kind;
  }

  public Protocol protocol() {
    return protocol;
  }
}
