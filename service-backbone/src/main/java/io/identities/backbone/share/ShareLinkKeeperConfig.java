package io.identities.backbone.share;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the share pages' services reach the keeper of share links (identities-service). */
@ConfigMapping(prefix = "identities.share-link-keeper")
public interface ShareLinkKeeperConfig {

  /** identities-service's address inside the platform (not the public one). */
  @WithDefault("http://localhost:8081")
  String url();

  /** How long spending a link may take before the visitor is asked to try again. */
  @WithDefault("5s")
  Duration timeout();
}
