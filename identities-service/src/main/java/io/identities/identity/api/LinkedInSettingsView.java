package io.identities.identity.api;

import io.identities.identity.domain.Identity;
import io.identities.identity.domain.LinkedInSettings;
import io.identities.identity.domain.SettingWarning;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** An identity's LinkedIn rate limits and withdrawal rule, with the risks they carry. */
public record LinkedInSettingsView(
    int dailyConnectionRequests,
    int dailyMessages,
    Integer dailyScrapings,
    boolean autoWithdraw,
    int withdrawAfterDays,
    List<SettingWarning> warnings) {

  static LinkedInSettingsView of(Identity identity) {
    LinkedInSettings s = identity.linkedin;
    return new LinkedInSettingsView(
        s.dailyConnectionRequests,
        s.dailyMessages,
        s.dailyScrapings,
        s.autoWithdraw,
        s.withdrawAfterDays,
        s.warnings());
  }

  /** New LinkedIn settings, all of them; above the recommended values they carry a warning. */
  public record Request(
      @NotNull @Min(0) @Max(LinkedInSettings.MAX_DAILY_CONNECTION_REQUESTS)
          Integer dailyConnectionRequests,
      @NotNull @Min(0) @Max(LinkedInSettings.MAX_DAILY_MESSAGES) Integer dailyMessages,
      @Min(0) @Max(LinkedInSettings.MAX_DAILY_SCRAPINGS) Integer dailyScrapings,
      @NotNull Boolean autoWithdraw,
      @NotNull @Min(1) @Max(LinkedInSettings.MAX_WITHDRAW_AFTER_DAYS) Integer withdrawAfterDays) {

    LinkedInSettings settings() {
      return new LinkedInSettings(
          dailyConnectionRequests, dailyMessages, dailyScrapings, autoWithdraw, withdrawAfterDays);
    }
  }
}
