package io.identities.email.mail;

/**
 * How to log in to an inbox's SMTP and IMAP servers.
 *
 * @param secret the password, or with {@code oauth} the current OAuth 2.0 access token (XOAUTH2)
 */
public record MailAccount(
    String address,
    MailEndpoint smtp,
    MailEndpoint imap,
    String username,
    String secret,
    boolean oauth) {

  /** Never shows the secret (accounts end up in exceptions and logs). */
  @Override
  public String toString() {
    return "MailAccount[" + address + ", smtp " + smtp + ", imap " + imap + "]";
  }
}
