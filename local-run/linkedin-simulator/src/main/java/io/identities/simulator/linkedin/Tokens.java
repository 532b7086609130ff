package io.identities.simulator.linkedin;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random values for the cookies, ids and secrets LinkedIn hands out. */
final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private Tokens() {}

  /** {@code bytes} random bytes as lower-case hex. */
  static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** {@code length} random letters and digits, like an invitation's shared secret. */
  static String alphanumeric(int length) {
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return token.toString();
  }
}
