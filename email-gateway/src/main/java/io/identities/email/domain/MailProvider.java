package io.identities.email.domain;

/** Where an inbox lives: any IMAP/SMTP host (password), or Google or Microsoft (OAuth 2.0). */
public enum MailProvider {
  IMAP("IMAP"),
  GOOGLE("Google"),
  MICROSOFT("Microsoft");

  private final String label;

  MailProvider(String label) {
    this.label = label;
  }

  /** The provider's name as people know it. */
  public String label() {
    return label;
  }
}
