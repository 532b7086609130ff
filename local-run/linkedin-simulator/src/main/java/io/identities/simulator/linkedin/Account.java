package io.identities.simulator.linkedin;

/**
 * A LinkedIn member the simulator knows.
 *
 * @param password null for an account that signs in only with Google, Microsoft or Apple
 * @param twoStep how LinkedIn verifies a login of this account
 * @param pin the code an EMAIL_PIN or SMS_PIN challenge expects
 * @param totpSecret base32 secret of an AUTHENTICATOR_APP account (RFC 6238 codes)
 * @param captcha true when LinkedIn answers every login with a captcha (too many attempts)
 */
public record Account(
    String email,
    String password,
    TwoStep twoStep,
    String pin,
    String totpSecret,
    boolean captcha,
    boolean salesNavigator,
    String firstName,
    String lastName,
    String headline,
    String publicIdentifier) {

  /** LinkedIn's two-step verification methods. */
  public enum TwoStep {
    NONE,
    EMAIL_PIN,
    SMS_PIN,
    AUTHENTICATOR_APP,
    APP_APPROVAL
  }

  /** The hint LinkedIn shows with a challenge of this kind: where the code went. */
  String hint(TwoStep twoStep) {
    return switch (twoStep) {
      case EMAIL_PIN ->
          "a code was sent to " + email.charAt(0) + "***" + email.substring(email.indexOf('@'));
      case SMS_PIN -> "a code was sent by SMS to the phone ending in 42";
      case AUTHENTICATOR_APP -> "enter the code from your authenticator app";
      case APP_APPROVAL -> "approve the sign-in in the LinkedIn app";
      case NONE -> "";
    };
  }
}
