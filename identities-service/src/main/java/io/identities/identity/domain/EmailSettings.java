package io.identities.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;

/** Sending limits of each of the identity's inboxes (spec, Email Settings: Email Rate). */
@Embeddable
public class EmailSettings {

  /** Spec: 30 emails a day per inbox is the recommended rate. */
  public static final int RECOMMENDED_DAILY_LIMIT = 30;

  public static final int MAX_DAILY_LIMIT = 200;

  /** Spec: 5 emails an hour per inbox is the recommended rate. */
  public static final int RECOMMENDED_HOURLY_LIMIT = 5;

  public static final int MAX_HOURLY_LIMIT = 50;

  static final String DAILY_RISK =
      "Sending more than "
          + RECOMMENDED_DAILY_LIMIT
          + " emails a day from one inbox raises the risk of spam detection and hurts deliverability.";

  static final String HOURLY_RISK =
      "Sending more than "
          + RECOMMENDED_HOURLY_LIMIT
          + " emails an hour from one inbox raises the risk of spam detection and hurts deliverability.";

  @Column(name = "email_daily_limit", nullable = false)
  public int dailyLimitPerInbox;

  @Column(name = "email_hourly_limit", nullable = false)
  public int hourlyLimitPerInbox;

  public EmailSettings() {}

  public EmailSettings(int dailyLimitPerInbox, int hourlyLimitPerInbox) {
    this.dailyLimitPerInbox = dailyLimitPerInbox;
    this.hourlyLimitPerInbox = hourlyLimitPerInbox;
  }

  static EmailSettings recommended() {
    return new EmailSettings(RECOMMENDED_DAILY_LIMIT, RECOMMENDED_HOURLY_LIMIT);
  }

  /** The risks the user accepts with these values. */
  public List<SettingWarning> warnings() {
    List<SettingWarning> warnings = new ArrayList<>();
    if (dailyLimitPerInbox > RECOMMENDED_DAILY_LIMIT) {
      warnings.add(new SettingWarning("dailyLimitPerInbox", DAILY_RISK));
    }
    if (hourlyLimitPerInbox > RECOMMENDED_HOURLY_LIMIT) {
      warnings.add(new SettingWarning("hourlyLimitPerInbox", HOURLY_RISK));
    }
    return warnings;
  }
}
