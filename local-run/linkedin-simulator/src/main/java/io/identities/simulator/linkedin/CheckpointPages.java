package io.identities.simulator.linkedin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LinkedIn's sign-in and security-check pages, in the shape open-source clients read them: the
 * sign-in form's hidden inputs ({@code csrfToken}, {@code loginCsrfParam}, {@code sIdString},
 * {@code pageInstance}...) and its {@code error-for-username} / {@code error-for-password} alerts;
 * a checkpoint's {@code /checkpoint/challenge/verify} form with {@code challengeId}, {@code
 * challengeType}, {@code resendUrl}, {@code failureRedirectUri} and the other hidden inputs a
 * client posts back with the {@code pin}, and its page key (e.g. {@code
 * d_checkpoint_ch_emailPinChallenge}) in {@code pageInstance}.
 */
final class CheckpointPages {

  static final String SIGN_IN = "/checkpoint/lg/login";
  static final String SIGN_IN_SUBMIT = "/checkpoint/lg/login-submit";
  static final String CHALLENGE = "/checkpoint/challenge/";
  static final String VERIFY = "/checkpoint/challenge/verify";
  static final String RESEND = "/checkpoint/challenge/resend";

  /**
   * The security checks LinkedIn puts between a password and a session. The email PIN's page key is
   * the one clients match; the others are named the same way.
   */
  enum Check {
    EMAIL_PIN("EmailPinChallenge", "d_checkpoint_ch_emailPinChallenge"),
    SMS_PIN("SmsPinChallenge", "d_checkpoint_ch_smsPinChallenge"),
    AUTHENTICATOR_APP("AuthenticatorAppChallenge", "d_checkpoint_ch_authenticatorAppChallenge"),
    APP_APPROVAL("AppChallenge", "d_checkpoint_ch_appChallenge"),
    CAPTCHA("CaptchaV2Challenge", "d_checkpoint_ch_captchaV2Challenge");

    final String challengeType;
    final String pageKey;

    Check(String challengeType, String pageKey) {
      this.challengeType = challengeType;
      this.pageKey = pageKey;
    }

    static Check of(Account.TwoStep twoStep) {
      return valueOf(twoStep.name());
    }

    static Check ofChallengeType(String challengeType) {
      for (Check check : values()) {
        if (check.challengeType.equals(challengeType)) {
          return check;
        }
      }
      throw LinkedInError.BAD_REQUEST.refused();
    }

    boolean asksForPin() {
      return this != APP_APPROVAL && this != CAPTCHA;
    }
  }

  /** Which field of the sign-in form an error is shown under. */
  enum Field {
    USERNAME,
    PASSWORD
  }

  private CheckpointPages() {}

  /** The sign-in page, with an error under one field when a submitted form was refused. */
  static String signIn(String csrfToken, String loginCsrfParam, Field field, String error) {
    Map<String, String> hidden = new LinkedHashMap<>();
    hidden.put("csrfToken", csrfToken);
    hidden.put("ac", "0");
    hidden.put("loginFailureCount", error == null ? "0" : "1");
    hidden.put("sIdString", Tokens.hex(16));
    hidden.put("parentPageKey", "d_checkpoint_lg_consumerLogin");
    hidden.put("pageInstance", pageInstance("d_checkpoint_lg_consumerLogin"));
    hidden.put("trk", "");
    hidden.put("session_redirect", "");
    hidden.put("loginCsrfParam", loginCsrfParam);
    hidden.put("fp_data", "default");
    hidden.put("_d", "d");
    hidden.put("controlId", "d_checkpoint_lg_consumerLogin-login_submit_button");
    return page(
        "d_checkpoint_lg_consumerLogin",
        "LinkedIn Login, Sign in | LinkedIn",
        "<h1 class=\"header__content__heading\">Sign in</h1>\n"
            + "<form class=\"login__form\" action=\""
            + SIGN_IN_SUBMIT
            + "\" method=\"post\" novalidate>\n"
            + inputs(hidden)
            + "<input id=\"username\" name=\"session_key\" type=\"email\" autocomplete=\"username\">\n"
            + alert("error-for-username", field == Field.USERNAME ? error : null)
            + "<input id=\"password\" name=\"session_password\" type=\"password\""
            + " autocomplete=\"current-password\">\n"
            + alert("error-for-password", field == Field.PASSWORD ? error : null)
            + "<button class=\"btn__primary--large\" type=\"submit\" aria-label=\"Sign in\">"
            + "Sign in</button>\n</form>");
  }

  /** A security check's page: what it asks, where the code went, and the form to answer it. */
  static String challenge(
      Check check, String challengeId, String csrfToken, String hint, String error) {
    Map<String, String> hidden = new LinkedHashMap<>();
    hidden.put("csrfToken", csrfToken);
    hidden.put("pageInstance", pageInstance(check.pageKey));
    hidden.put("resendUrl", RESEND);
    hidden.put("challengeId", challengeId);
    hidden.put("language", "en-US");
    hidden.put("displayTime", String.valueOf(Instant.now().toEpochMilli()));
    hidden.put("challengeSource", "AQ" + Tokens.alphanumeric(30));
    hidden.put("requestSubmissionId", Tokens.hex(16));
    hidden.put("challengeType", check.challengeType);
    hidden.put("challengeData", "AQ" + Tokens.alphanumeric(40));
    hidden.put("challengeDetails", "AQ" + Tokens.alphanumeric(40));
    hidden.put("failureRedirectUri", SIGN_IN);
    if (check == Check.CAPTCHA) {
      hidden.put("captchaSiteKey", "6Lc" + Tokens.alphanumeric(37));
    }
    String pin =
        check.asksForPin()
            ? "<input id=\"input__email_verification_pin\" name=\"pin\" type=\"text\""
                + " maxlength=\"6\" autocomplete=\"one-time-code\">\n"
            : "";
    return page(
        check.pageKey,
        "Security Verification | LinkedIn",
        "<h1 class=\"content__header\">Let's do a quick security check</h1>\n"
            + "<p class=\"form__subtitle\">"
            + escape(hint)
            + "</p>\n"
            + (error == null ? "" : alert("challenge-error", error))
            + "<form id=\"challenge-form\" action=\""
            + VERIFY
            + "\" method=\"POST\">\n"
            + inputs(hidden)
            + pin
            + "<button id=\"pin-submit-button\" type=\"submit\">Submit</button>\n</form>");
  }

  private static String page(String pageKey, String title, String content) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"pageKey\" content=\""
        + pageKey
        + "\">\n<title>"
        + escape(title)
        + "</title>\n</head>\n<body>\n<main class=\"app__content\">\n"
        + content
        + "\n</main>\n</body>\n</html>\n";
  }

  private static String inputs(Map<String, String> hidden) {
    return hidden.entrySet().stream()
        .map(
            e ->
                "<input name=\""
                    + e.getKey()
                    + "\" value=\""
                    + escape(e.getValue())
                    + "\" type=\"hidden\">\n")
        .collect(Collectors.joining());
  }

  /** An alert the page shows; hidden while empty, as LinkedIn's forms keep theirs. */
  private static String alert(String id, String error) {
    return "<div id=\""
        + id
        + "\" class=\"form__label--error"
        + (error == null ? " hidden__imp" : "")
        + "\" role=\"alert\" aria-live=\"assertive\">"
        + (error == null ? "" : escape(error))
        + "</div>\n";
  }

  private static String pageInstance(String pageKey) {
    byte[] random = Tokens.hex(16).getBytes(StandardCharsets.US_ASCII);
    return "urn:li:page:" + pageKey + ";" + Base64.getEncoder().encodeToString(random);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
