package io.identities.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A token with the role {@code operator} for a local run, signed as its dev token is, with the
 * run's private key (its state folder's {@code jwt-private.pem}).
 */
final class OperatorToken {

  private OperatorToken() {}

  static String of(File stateDirectory) {
    long now = Instant.now().getEpochSecond();
    String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload =
        encode(
            "{\"iss\":\"https://identities.local/dev\",\"aud\":\"identities-api\","
                + "\"sub\":\"fault-suite\",\"org_id\":\"platform\",\"groups\":[\"operator\"],"
                + "\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 3600)
                + "}");
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(privateKey(new File(stateDirectory, "jwt-private.pem")));
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header
          + "."
          + payload
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey privateKey(File pem) throws GeneralSecurityException {
    try {
      String base64 =
          Files.readString(pem.toPath())
              .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
