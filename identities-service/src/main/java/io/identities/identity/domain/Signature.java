package io.identities.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The signature appended to the identity's emails, stored sanitized, with its text rendering. */
@Embeddable
public class Signature {

  /** The editor the user wrote it in: the text editor or Advanced HTML Mode (spec, Signature). */
  public enum Mode {
    RICH_TEXT,
    HTML
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "signature_mode", nullable = false)
  public Mode mode = Mode.RICH_TEXT;

  @Column(name = "signature_html")
  public String html;

  @Column(name = "signature_text")
  public String text;
}
