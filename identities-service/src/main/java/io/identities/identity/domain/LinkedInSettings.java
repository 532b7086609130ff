package io.identities.identity.domain;

import io.identities.backbone.events.IdentitySnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/** An identity's LinkedIn rate limits and withdrawal rule (spec 3, LinkedIn Settings). */
@Embeddable
public class LinkedInSettings {

  /** Spec: 20 a day; more risks LinkedIn detecting automation. */
  public static final int RECOMMENDED_DAILY_CONNECTION_REQUESTS = 20;

  public static final int MAX_DAILY_CONNECTION_REQUESTS = 100;

  /** Spec: 100 a day; significant increases are not recommended. */
  public static final int RECOMMENDED_DAILY_MESSAGES = 100;

  public static final int MAX_DAILY_MESSAGES = 200;

  public static final int MAX_DAILY_SCRAPINGS = 1_000;

  /** Spec example: withdraw invitations pending for more than 7 days. */
  public static final int DEFAULT_WITHDRAW_AFTER_DAYS = 7;

  public static final int MAX_WITHDRAW_AFTER_DAYS = 90;

  static final String CONNECTION_REQUESTS_RISK =
      "Increasing daily connection requests above "
          + RECOMMENDED_DAILY_CONNECTION_REQUESTS
          + " carries a risk of LinkedIn detecting automation and restricting the account.";

  static final String MESSAGES_RISK =
      "Significant increases of daily messages above "
          + RECOMMENDED_DAILY_MESSAGES
          + " are not recommended: LinkedIn may detect automation and restrict the account.";

  @Column(name = "daily_connection_requests", nullable = false)
  public int dailyConnectionRequests;

  @Column(name = "daily_messages", nullable = false)
  public int dailyMessages;

  /** Extra daily scrapings from the identity's Sales Navigator, on top of the platform's pool. */
  @Column(name = "daily_scrapings")
  public Integer dailyScrapings;

  @Column(name = "auto_withdraw", nullable = false)
  public boolean autoWithdraw;

  @Column(name = "withdraw_after_days", nullable = false)
  public int withdrawAfterDays;

  public LinkedInSettings() {}

  public LinkedInSettings(
      int dailyConnectionRequests,
      int dailyMessages,
      Integer dailyScrapings,
      boolean autoWithdraw,
      int withdrawAfterDays) {
    this.dailyConnectionRequests = dailyConnectionRequests;
    this.dailyMessages = dailyMessages;
    this.dailyScrapings = dailyScrapings;
    this.autoWithdraw = autoWithdraw;
    this.withdrawAfterDays = withdrawAfterDays;
  }

  static LinkedInSettings recommended() {
    return new LinkedInSettings(
        RECOMMENDED_DAILY_CONNECTION_REQUESTS,
        RECOMMENDED_DAILY_MESSAGES,
        null,
        false,
        DEFAULT_WITHDRAW_AFTER_DAYS);
  }

  boolean usesScrapings() {
    return dailyScrapings != null && dailyScrapings > 0;
  }

  /** The risks the user accepts with these values. */
  public List<SettingWarning> warnings() {
    List<SettingWarning> warnings = new ArrayList<>();
    if (dailyConnectionRequests > RECOMMENDED_DAILY_CONNECTION_REQUESTS) {
      warnings.add(new SettingWarning("dailyConnectionRequests", CONNECTION_REQUESTS_RISK));
    }
    if (dailyMessages > RECOMMENDED_DAILY_MESSAGES) {
      warnings.add(new SettingWarning("dailyMessages", MESSAGES_RISK));
    }
    return warnings;
  }

  IdentitySnapshot.LinkedInSettings snapshot() {
    return new IdentitySnapshot.LinkedInSettings(
        dailyConnectionRequests, dailyMessages, dailyScrapings, autoWithdraw, withdrawAfterDays);
  }
}
