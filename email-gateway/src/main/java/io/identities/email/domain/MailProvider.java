package io.identities.email.domain;

/** Where an inbox lives: any IMAP/SMTP host (password), or Google or Microsoft (OAuth 2.0). */
public enum MailProvider {
  IMAP,
  GOOGLE,
  MICROSOFT
}
