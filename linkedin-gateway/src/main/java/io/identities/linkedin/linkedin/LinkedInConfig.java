package io.identities.linkedin.linkedin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where LinkedIn is and how long a connection handshake may take. */
@ConfigMapping(prefix = "linkedin")
public interface LinkedInConfig {

  /** LinkedIn's web address (the simulator's, locally and in tests). */
  @WithDefault("https://www.linkedin.com")
  String baseUrl();

  /** How long one call to LinkedIn may take. */
  @WithDefault("10s")
  Duration timeout();

  /** How long a user has to answer a verification challenge. */
  @WithDefault("5m")
  Duration handshakeLifetime();

  /** How often each connected session is checked against LinkedIn. */
  @WithDefault("15m")
  Duration sessionCheckInterval();

  /**
   * The proxy pool by country (ISO 3166 code, upper case), for identities given a country rather
   * than a proxy of their own: {@code http://user:password@host:port}.
   */
  Map<String, String> proxyCountries();

  /** Wrong verification codes allowed before the handshake fails. */
  @WithDefault("3")
  int verificationAttempts();

  /**
   * Where email-gateway serves the share links' inbox pages, when not on this host (behind the
   * ingress, /share/email goes to it and the pages link to it on the same host).
   */
  Optional<String> emailSharePagesUrl();
}
