package io.identities.email.mail;

/** One of an inbox's servers: where it listens and how the connection is secured. */
public record MailEndpoint(String host, int port, Security security) {

  public enum Security {
    /** TLS from the first byte (SMTPS 465, IMAPS 993). */
    SSL_TLS,
    /** Plain connection upgraded with STARTTLS, which the server must offer (SMTP 587). */
    STARTTLS,
    /** No encryption: only for servers on a trusted network. */
    NONE
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
