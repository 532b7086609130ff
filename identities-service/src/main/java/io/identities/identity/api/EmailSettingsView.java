package io.identities.identity.api;

import io.identities.identity.domain.EmailSettings;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.SettingWarning;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Per-inbox sending limits of an identity, its signature, and the risks of its limits. */
public record EmailSettingsView(
    int dailyLimitPerInbox,
    int hourlyLimitPerInbox,
    SignatureView signature,
    List<SettingWarning> warnings) {

  static EmailSettingsView of(Identity identity) {
    EmailSettings s = identity.email;
    return new EmailSettingsView(
        s.dailyLimitPerInbox,
        s.hourlyLimitPerInbox,
        SignatureView.of(identity.signature, List.of()),
        s.warnings());
  }

  /** New sending limits per inbox; above the recommended values they carry a warning. */
  public record Request(
      @NotNull @Min(0) @Max(EmailSettings.MAX_DAILY_LIMIT) Integer dailyLimitPerInbox,
      @NotNull @Min(0) @Max(EmailSettings.MAX_HOURLY_LIMIT) Integer hourlyLimitPerInbox) {

    EmailSettings settings() {
      return new EmailSettings(dailyLimitPerInbox, hourlyLimitPerInbox);
    }
  }
}
