package io.identities.backbone.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Makes the {@link SecretCipher} from configuration for the services that store secrets. */
@ApplicationScoped
public class SecretCipherProducer {

  @Produces
  @Singleton
  SecretCipher secretCipher(SecretKeysConfig config) {
    String active =
        config
            .activeKey()
            .orElseThrow(
                () -> new IllegalStateException("identities.secrets.active-key is not configured"));
    Map<String, byte[]> keys = new HashMap<>();
    for (String entry : config.keys().orElse(List.of())) {
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException("identities.secrets.keys entries read <id>:<base64 key>");
      }
      keys.put(entry.substring(0, colon), decode(entry.substring(colon + 1)));
    }
    return new SecretCipher(active, keys);
  }

  /** 64 hex digits ({@code openssl rand -hex 32}) or base64 ({@code openssl rand -base64 32}). */
  private static byte[] decode(String key) {
    return key.matches("[0-9a-fA-F]{64}")
        ? HexFormat.of().parseHex(key)
        : Base64.getDecoder().decode(key);
  }
}
