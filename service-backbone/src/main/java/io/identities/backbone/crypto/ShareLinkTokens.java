package io.identities.backbone.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a share link's URL: 256 random bits, URL-safe. Only its SHA-256 is ever stored or
 * sent between services; a fast hash is enough because the token itself is random, not a password.
 */
public final class ShareLinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ShareLinkTokens() {}

  public static String newToken() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** The hash a token is stored and looked up by. */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
