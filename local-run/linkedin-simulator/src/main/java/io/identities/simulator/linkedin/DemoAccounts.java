package io.identities.simulator.linkedin;

import io.identities.simulator.linkedin.Account.TwoStep;
import java.util.List;

/** The simulator's accounts for the local run and the tests: one per way a login can go. */
public final class DemoAccounts {

  public static final String PASSWORD = "correct horse battery";
  public static final String PIN = "246810";
  public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

  /** Connects at once; has Sales Navigator. */
  public static final String PLAIN = "ada@example.com";

  /** Connects at once; a free account (no Sales Navigator: 5 notes a month). */
  public static final String FREE = "max@example.com";

  public static final String EMAIL_PIN = "pin@example.com";
  public static final String SMS_PIN = "sms@example.com";
  public static final String AUTHENTICATOR = "totp@example.com";
  public static final String APP_APPROVAL = "app@example.com";

  /** Signs in with Google: no LinkedIn password. */
  public static final String SOCIAL_LOGIN = "google@example.com";

  /** Every login meets a captcha. */
  public static final String CAPTCHA = "captcha@example.com";

  private DemoAccounts() {}

  public static List<Account> all() {
    return List.of(
        account(PLAIN, PASSWORD, TwoStep.NONE, false, true, "Ada", "Lovelace", "ada-lovelace"),
        account(FREE, PASSWORD, TwoStep.NONE, false, false, "Max", "Reach", "max-reach"),
        account(EMAIL_PIN, PASSWORD, TwoStep.EMAIL_PIN, false, false, "Pia", "Pinto", "pia-pinto"),
        account(SMS_PIN, PASSWORD, TwoStep.SMS_PIN, false, false, "Sam", "Sms", "sam-sms"),
        account(
            AUTHENTICATOR,
            PASSWORD,
            TwoStep.AUTHENTICATOR_APP,
            false,
            false,
            "Tom",
            "Otp",
            "tom-otp"),
        account(
            APP_APPROVAL, PASSWORD, TwoStep.APP_APPROVAL, false, false, "Amy", "App", "amy-app"),
        account(SOCIAL_LOGIN, null, TwoStep.NONE, false, false, "Gil", "Google", "gil-google"),
        account(CAPTCHA, PASSWORD, TwoStep.NONE, true, false, "Cat", "Cha", "cat-cha"));
  }

  private static Account account(
      String email,
      String password,
      TwoStep twoStep,
      boolean captcha,
      boolean salesNavigator,
      String first,
      String last,
      String slug) {
    return new Account(
        email,
        password,
        twoStep,
        PIN,
        TOTP_SECRET,
        captcha,
        salesNavigator,
        first,
        last,
        "Sales at Example",
        slug);
  }
}
