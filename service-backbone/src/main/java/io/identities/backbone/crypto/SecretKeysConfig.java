package io.identities.backbone.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The keys that seal stored secrets; only services that store secrets need them. */
@ConfigMapping(prefix = "identities.secrets")
public interface SecretKeysConfig {

  /** The id of the key that seals new secrets (env IDENTITIES_SECRETS_ACTIVE_KEY). */
  Optional<String> activeKey();

  /**
   * Every key still needed to open secrets, as {@code <id>:<32 random bytes, hex or base64>}, comma
   * separated (env IDENTITIES_SECRETS_KEYS). Keep a retired key here until no secret uses it.
   */
  Optional<List<String>> keys();
}
