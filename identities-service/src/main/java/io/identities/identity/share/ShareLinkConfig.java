package io.identities.identity.share;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where share links point and how long they live. */
@ConfigMapping(prefix = "identities.share-links")
public interface ShareLinkConfig {

  /**
   * The public address the share pages ({@code /share/...}) are served at: the ingress in a
   * deployment, linkedin-gateway in the local run.
   */
  @WithDefault("http://localhost:8082")
  String baseUrl();

  /** How long a link can be used (spec: 24 hours). */
  @WithDefault("24h")
  Duration lifetime();
}
