package io.identities.backbone.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The keys that seal stored secrets; only services that store secrets need them. */
@ConfigMapping(prefix = "identities.secrets")
public interface SecretKeysConfig {

  /** The id of the key that seals new secrets. */
  Optional<String> activeKey();

  /**
   * Every key still needed to open secrets, as {@code <id>:<32 random bytes, hex or base64>}, comma
   * separated; set as a system property or in a config file (see README). Keep a retired key here
   * until no secret uses it.
   */
  Optional<List<String>> keys();
}
