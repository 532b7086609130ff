package io.identities.email.mail;

import io.identities.email.mail.MailEndpoint.Security;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 providers inboxes can connect with (Google, Microsoft): their endpoints, the scopes
 * that allow SMTP and IMAP with XOAUTH2, and their mail servers. A provider without a client id is
 * not offered.
 */
@ConfigMapping(prefix = "email.oauth")
public interface OAuthConfig {

  /** Where the provider sends the browser back: this service's public callback. */
  @WithDefault("http://localhost:8083/api/email/oauth/callback")
  String redirectUri();

  /** How long a started authorization may take to come back. */
  @WithDefault("10m")
  Duration authorizationLifetime();

  /** By provider name, lower case: {@code google}, {@code microsoft}. */
  Map<String, Provider> providers();

  interface Provider {
    Optional<String> clientId();

    Optional<String> clientSecret();

    String authorizationEndpoint();

    String tokenEndpoint();

    /** Space separated; must allow SMTP and IMAP, a refresh token, and the address (email). */
    String scope();

    /** Added to the authorization request (e.g. Google's {@code access_type=offline}). */
    Map<String, String> authorizationParameters();

    Server smtp();

    Server imap();
  }

  interface Server {
    String host();

    int port();

    Security security();
  }
}
