package io.identities.email.oauth;

import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.EmailIdentity;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxAccounts;
import io.identities.email.domain.InboxService;
import io.identities.email.domain.MailProvider;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailEndpoint;
import io.identities.email.mail.OAuthConfig;
import io.identities.email.mail.OAuthTokenEndpoint;
import io.identities.email.mail.OAuthTokenEndpoint.Granted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Connects Google and Microsoft inboxes with OAuth 2.0 (authorization code with PKCE, RFC 7636):
 * the owner's browser goes to the provider with a single-use state, comes back to the callback with
 * a code, which is exchanged for tokens; the inbox is connected once SMTP and IMAP accept the
 * access token (XOAUTH2), and the tokens are kept sealed and refreshed (see InboxAccounts).
 */
@ApplicationScoped
public class OAuthService {

  private final OAuthConfig config;
  private final InboxAccounts accounts;
  private final OAuthTokenEndpoint tokens;
  private final InboxService inboxes;
  private final SecretCipher cipher;
  private final TenantContext tenant;
  private final Clock clock;

  OAuthService(
      OAuthConfig config,
      InboxAccounts accounts,
      OAuthTokenEndpoint tokens,
      InboxService inboxes,
      SecretCipher cipher,
      TenantContext tenant,
      Clock clock) {
    this.config = config;
    this.accounts = accounts;
    this.tokens = tokens;
    this.inboxes = inboxes;
    this.cipher = cipher;
    this.tenant = tenant;
    this.clock = clock;
  }

  /** Where to send the owner's browser to authorize the inbox, and until when that works. */
  public record Started(URI authorizationUrl, Instant expiresAt) {}

  public Started start(UUID identityId, MailProvider provider) {
    OAuthConfig.Provider settings = configured(provider);
    String state = ShareLinkTokens.newToken();
    String verifier = ShareLinkTokens.newToken(); // 43 characters of base64url: RFC 7636 4.1
    OAuthAuthorization authorization = new OAuthAuthorization();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (EmailIdentity.findByIdOptional(identityId).isEmpty()) {
                throw ProblemException.notFound("Identity", identityId);
              }
              authorization.id = UUID.randomUUID();
              authorization.orgId = tenant.orgId();
              authorization.identityId = identityId;
              authorization.provider = provider;
              authorization.stateHash = ShareLinkTokens.hash(state);
              authorization.sealedVerifier = cipher.seal(verifier, authorization.id + ":pkce");
              authorization.createdAt = clock.instant();
              authorization.expiresAt =
                  authorization.createdAt.plus(config.authorizationLifetime());
              authorization.persist();
            });
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.clientId().orElseThrow());
    query.put("redirect_uri", config.redirectUri());
    query.put("scope", settings.scope());
    query.put("state", state);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    query.putAll(settings.authorizationParameters());
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String separator = settings.authorizationEndpoint().contains("?") ? "&" : "?";
    return new Started(
        URI.create(settings.authorizationEndpoint() + separator + encoded),
        authorization.expiresAt);
  }

  /** Why the callback cannot complete an authorization. */
  public enum Unusable {
    UNKNOWN,
    EXPIRED,
    USED
  }

  public static class UnusableAuthorizationException extends RuntimeException {
    private final Unusable reason;

    UnusableAuthorizationException(Unusable reason) {
      super(reason.name());
      this.reason = reason;
    }

    public Unusable reason() {
      return reason;
    }
  }

  /** The provider refused the authorization (the owner declined, or the code was refused). */
  public static class RefusedException extends RuntimeException {
    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Completes the authorization the browser came back with: the state is spent (once), the code
   * exchanged, and the inbox connected for the identity.
   *
   * @param error the provider's error instead of a code (e.g. access_denied)
   */
  public Inbox complete(String state, String code, String error) {
    OAuthAuthorization authorization = QuarkusTransaction.requiringNew().call(() -> spend(state));
    tenant.actFor(authorization.orgId);
    if (error != null || code == null) {
      throw new RefusedException(error == null ? "no authorization code" : error);
    }
    OAuthConfig.Provider settings = configured(authorization.provider);
    String verifier = cipher.open(authorization.sealedVerifier, authorization.id + ":pkce");
    Granted granted;
    try {
      granted = tokens.exchange(settings, config.redirectUri(), code, verifier);
    } catch (OAuthTokenEndpoint.RefusedException e) {
      throw new RefusedException(e.getMessage());
    }
    if (granted.address() == null) {
      throw new RefusedException("the provider did not say which address was authorized");
    }
    MailAccount account =
        new MailAccount(
            granted.address(),
            endpoint(settings.smtp()),
            endpoint(settings.imap()),
            granted.address(),
            granted.tokens().accessToken(),
            true);
    return inboxes
        .connect(
            authorization.identityId,
            account,
            authorization.provider,
            accounts.write(granted.tokens()))
        .inbox();
  }

  private OAuthAuthorization spend(String state) {
    OAuthAuthorization authorization =
        state == null
            ? null
            : OAuthAuthorization.<OAuthAuthorization>find("stateHash", ShareLinkTokens.hash(state))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    if (authorization == null) {
      throw new UnusableAuthorizationException(Unusable.UNKNOWN);
    }
    if (authorization.usedAt != null) {
      throw new UnusableAuthorizationException(Unusable.USED);
    }
    if (!clock.instant().isBefore(authorization.expiresAt)) {
      throw new UnusableAuthorizationException(Unusable.EXPIRED);
    }
    authorization.usedAt = clock.instant();
    return authorization;
  }

  private OAuthConfig.Provider configured(MailProvider provider) {
    if (provider == MailProvider.IMAP) {
      throw ProblemException.invalidField(
          "provider", "GOOGLE or MICROSOFT; an IMAP inbox connects with its password");
    }
    OAuthConfig.Provider settings = accounts.provider(provider);
    if (settings == null || settings.clientId().isEmpty()) {
      throw ProblemException.conflict(
          provider.label() + " is not set up on this platform (no OAuth client id configured)");
    }
    return settings;
  }

  private static MailEndpoint endpoint(OAuthConfig.Server server) {
    return new MailEndpoint(server.host(), server.port(), server.security());
  }

  /** PKCE S256: base64url(SHA-256(verifier)), without padding. */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
