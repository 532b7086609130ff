package io.identities.backbone.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.crypto.SecretCipher.SecretUnreadableException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String SECRET = "li_at=AQEDAR-very-secret-cookie";
  private final byte[] key2025 = randomKey();
  private final byte[] key2026 = randomKey();

  @Test
  void shouldOpenWhatItSealed() {
    SecretCipher cipher = new SecretCipher("k2025", Map.of("k2025", key2025));

    String sealed = cipher.seal(SECRET, "identity-1");

    assertTrue(sealed.startsWith("k2025:"), "the key id travels with the ciphertext");
    assertFalse(sealed.contains("secret-cookie"));
    assertEquals(SECRET, cipher.open(sealed, "identity-1"));
  }

  @Test
  void shouldSealTheSameSecretDifferentlyEachTime() {
    SecretCipher cipher = new SecretCipher("k2025", Map.of("k2025", key2025));

    assertNotEquals(cipher.seal(SECRET, "identity-1"), cipher.seal(SECRET, "identity-1"));
  }

  @Test
  void shouldRejectTamperedCiphertext() {
    SecretCipher cipher = new SecretCipher("k2025", Map.of("k2025", key2025));
    String sealed = cipher.seal(SECRET, "identity-1");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring("k2025:".length()));
    bytes[bytes.length - 20] ^= 1;
    String tampered = "k2025:" + Base64.getEncoder().encodeToString(bytes);

    assertThrows(SecretUnreadableException.class, () -> cipher.open(tampered, "identity-1"));
  }

  @Test
  void shouldNotOpenASecretMovedToAnotherRecord() {
    SecretCipher cipher = new SecretCipher("k2025", Map.of("k2025", key2025));
    String sealed = cipher.seal(SECRET, "identity-1");

    assertThrows(SecretUnreadableException.class, () -> cipher.open(sealed, "identity-2"));
  }

  @Test
  void shouldOpenOldSecretsAfterAKeyRotationAndSealNewOnesWithTheNewKey() {
    String sealedBefore = new SecretCipher("k2025", Map.of("k2025", key2025)).seal(SECRET, "id");
    SecretCipher rotated = new SecretCipher("k2026", Map.of("k2025", key2025, "k2026", key2026));

    assertEquals(SECRET, rotated.open(sealedBefore, "id"));
    String sealedAfter = rotated.seal(SECRET, "id");
    assertTrue(sealedAfter.startsWith("k2026:"));
    assertEquals(SECRET, rotated.open(sealedAfter, "id"));
  }

  @Test
  void shouldRefuseASecretWhoseKeyIsGone() {
    String sealed = new SecretCipher("k2025", Map.of("k2025", key2025)).seal(SECRET, "id");
    SecretCipher withoutOldKey = new SecretCipher("k2026", Map.of("k2026", key2026));

    var e = assertThrows(SecretUnreadableException.class, () -> withoutOldKey.open(sealed, "id"));
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void shouldRefuseKeysThatAreNotAes256() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SecretCipher("short", Map.of("short", new byte[16])));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SecretCipher("missing", Map.of("k2025", key2025)));
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
