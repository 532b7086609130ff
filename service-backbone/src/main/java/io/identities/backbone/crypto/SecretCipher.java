package io.identities.backbone.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials (session cookies, inbox passwords, OAuth tokens) with AES-256-GCM.
 *
 * <p>A sealed secret reads {@code <keyId>:<base64(nonce | ciphertext | tag)>}: the id of the key
 * that sealed it travels with it, so after a rotation (a new active key, the old one kept for
 * decryption) old secrets still open and new ones use the new key. The {@code context} (e.g. the
 * owning record's id) is authenticated but not stored: a sealed secret copied to another record
 * does not open there.
 */
public final class SecretCipher {

  private static final String ALGORITHM = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final String activeKeyId;
  private final Map<String, SecretKey> keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param activeKeyId the key new secrets are sealed with
   * @param keys every key that may still be needed to open a secret, by id; 32 bytes each
   */
  public SecretCipher(String activeKeyId, Map<String, byte[]> keys) {
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("secret key id '" + id + "' must match " + KEY_ID);
          }
          if (key.length != 32) {
            throw new IllegalArgumentException(
                "secret key '" + id + "' must be 32 bytes (AES-256)");
          }
        });
    if (!keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "the active secret key '" + activeKeyId + "' is not configured");
    }
    this.activeKeyId = activeKeyId;
    this.keys =
        keys.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
  }

  public String seal(String secret, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, context);
      byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
      System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
      System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
      return activeKeyId + ":" + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws SecretUnreadableException when the secret was tampered with, sealed for another
   *     context, or sealed with a key that is no longer configured
   */
  public String open(String sealed, String context) {
    int colon = sealed.indexOf(':');
    SecretKey key = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
    if (key == null) {
      throw new SecretUnreadableException("sealed with an unknown key");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new SecretUnreadableException("too short");
      }
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), context);
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new SecretUnreadableException("tampered with or sealed for another record");
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(ALGORITHM);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** A sealed secret that cannot be opened; its message never contains secret material. */
  public static class SecretUnreadableException extends RuntimeException {
    SecretUnreadableException(String reason) {
      super("secret cannot be opened: " + reason);
    }
  }
}
