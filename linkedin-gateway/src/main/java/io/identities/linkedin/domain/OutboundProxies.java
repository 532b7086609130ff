package io.identities.linkedin.domain;

import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.problem.ProblemException;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedInConfig;
import io.identities.linkedin.linkedin.OutboundProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each identity's outbound proxy, so that LinkedIn sees one stable address per account: a country
 * of the configured pool, or a proxy of the identity's own whose credentials are stored sealed.
 */
@ApplicationScoped
public class OutboundProxies {

  private final LinkedIn linkedIn;
  private final SecretCipher cipher;

  /** The configured pool by upper-case country, read once: a malformed entry stops start-up. */
  private final Map<String, OutboundProxy> pool;

  OutboundProxies(LinkedIn linkedIn, LinkedInConfig config, SecretCipher cipher) {
    this.linkedIn = linkedIn;
    this.cipher = cipher;
    this.pool =
        config.proxyCountries().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toUpperCase(Locale.ROOT),
                    e -> OutboundProxy.parse(e.getValue())));
  }

  /**
   * LinkedIn as this identity reaches it: through its proxy, if it has one; directly for a new
   * identity (null), which has none yet.
   */
  public LinkedIn linkedInFor(LinkedInIdentity identity) {
    return linkedIn.via(identity == null ? null : proxyOf(identity));
  }

  /** Routes the identity through the pool's proxy for {@code country}. */
  @Transactional
  public LinkedInIdentity useCountry(UUID identityId, String country) {
    String code = country.toUpperCase(Locale.ROOT);
    if (!pool.containsKey(code)) {
      throw ProblemException.invalidField(
          "country",
          "no proxy is configured for "
              + code
              + "; configured: "
              + String.join(", ", pool.keySet().stream().sorted().toList()));
    }
    LinkedInIdentity identity = identity(identityId);
    identity.proxyCountry = code;
    identity.proxyUrl = null;
    identity.sealedProxyCredentials = null;
    return identity;
  }

  /** Routes the identity through a proxy of its own; the credentials are optional. */
  @Transactional
  public LinkedInIdentity useProxy(UUID identityId, URI address, String username, String password) {
    if (!OutboundProxy.isProxyAddress(address)) {
      throw ProblemException.invalidField(
          "url", "must be an HTTP proxy address, http://host:port, credentials given apart");
    }
    if ((username == null) != (password == null)) {
      throw ProblemException.invalidField("password", "give both username and password, or none");
    }
    if (username != null && username.contains(":")) {
      throw ProblemException.invalidField("username", "a proxy user name has no colon");
    }
    LinkedInIdentity identity = identity(identityId);
    identity.proxyCountry = null;
    identity.proxyUrl = address.toString();
    identity.sealedProxyCredentials =
        username == null ? null : cipher.seal(username + ":" + password, context(identity));
    return identity;
  }

  /** Lets the identity reach LinkedIn directly again. */
  @Transactional
  public LinkedInIdentity useNone(UUID identityId) {
    LinkedInIdentity identity = identity(identityId);
    identity.proxyCountry = null;
    identity.proxyUrl = null;
    identity.sealedProxyCredentials = null;
    return identity;
  }

  private OutboundProxy proxyOf(LinkedInIdentity identity) {
    if (identity.proxyCountry != null) {
      OutboundProxy pooled = pool.get(identity.proxyCountry);
      if (pooled == null) {
        throw new ProblemException(
            Status.BAD_GATEWAY,
            "Proxy failed",
            "No proxy is configured for " + identity.proxyCountry + " any more",
            List.of());
      }
      return pooled;
    }
    if (identity.proxyUrl == null) {
      return null;
    }
    if (identity.sealedProxyCredentials == null) {
      return new OutboundProxy(URI.create(identity.proxyUrl), null, null);
    }
    String[] credentials =
        cipher.open(identity.sealedProxyCredentials, context(identity)).split(":", 2);
    return new OutboundProxy(URI.create(identity.proxyUrl), credentials[0], credentials[1]);
  }

  private static LinkedInIdentity identity(UUID identityId) {
    return LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
        .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
  }

  /** Sealed apart from the session: a proxy secret copied into the session column won't open. */
  private static String context(LinkedInIdentity identity) {
    return identity.identityId + ":proxy";
  }
}
