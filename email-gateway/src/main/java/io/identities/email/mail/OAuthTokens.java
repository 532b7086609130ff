package io.identities.email.mail;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * An OAuth inbox's tokens: the access token XOAUTH2 logs in with, until {@code expiresAt}, and the
 * refresh token that gets the next one. Kept sealed, never shown.
 */
@RegisterForReflection // kept sealed as JSON, read back with Jackson
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

  @Override
  public String toString() {
    return "OAuthTokens[expiresAt=" + expiresAt + "]";
  }
}
