package io.identities.backbone.pages;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF protection of the share pages' forms (double-submit cookie): a page hands out a random token
 * in a strict same-site, HTTP-only cookie and in the form; a POST counts only when both match.
 * Another site can neither read the token nor make the browser send the cookie.
 */
public final class ShareCsrf {

  public static final String COOKIE = "share_csrf";
  public static final String FIELD = "csrf";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShareCsrf() {}

  /** The visitor's token: the one their cookie holds, or a new one. */
  public static String token(String cookie) {
    if (cookie != null && WELL_FORMED.matcher(cookie).matches()) {
      return cookie;
    }
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  public static NewCookie cookie(String token, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(token)
        .path("/share")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  /** True when a form post carries the token its cookie holds. */
  public static boolean matches(String cookie, String field) {
    return cookie != null
        && field != null
        && WELL_FORMED.matcher(cookie).matches()
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
  }
}
