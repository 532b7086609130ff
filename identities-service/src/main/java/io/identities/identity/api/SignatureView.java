package io.identities.identity.api;

import io.identities.identity.domain.SettingWarning;
import io.identities.identity.domain.Signature;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The signature appended to the identity's emails: sanitized HTML and its text rendering; after an
 * update, {@code warnings} names the formatting that email clients do not support and was removed.
 */
public record SignatureView(
    Signature.Mode mode, String html, String text, List<SettingWarning> warnings) {

  static SignatureView of(Signature signature, List<SettingWarning> warnings) {
    return new SignatureView(signature.mode, signature.html, signature.text, warnings);
  }

  /**
   * A new signature, written in the text editor (RICH_TEXT) or pasted as HTML; no html clears it.
   */
  public record Request(@NotNull Signature.Mode mode, @Size(max = 20_000) String html) {}
}
