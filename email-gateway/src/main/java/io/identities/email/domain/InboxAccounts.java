package io.identities.email.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.crypto.SecretCipher;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.OAuthConfig;
import io.identities.email.mail.OAuthTokenEndpoint;
import io.identities.email.mail.OAuthTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How to log in to an inbox now: its password, or for an OAuth inbox a current access token,
 * refreshed (and the new tokens sealed) when it is about to expire. A refresh token the provider
 * refuses pauses the inbox: only its owner can authorize it again.
 */
@ApplicationScoped
public class InboxAccounts {

  /** Refreshed this long before it expires, so no login uses a token that dies on the way. */
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final SecretCipher cipher;
  private final ObjectMapper json;
  private final OAuthTokenEndpoint tokens;
  private final OAuthConfig oauth;
  private final InboxEvents events;
  private final Clock clock;

  InboxAccounts(
      SecretCipher cipher,
      ObjectMapper json,
      OAuthTokenEndpoint tokens,
      OAuthConfig oauth,
      InboxEvents events,
      Clock clock) {
    this.cipher = cipher;
    this.json = json;
    this.tokens = tokens;
    this.oauth = oauth;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @throws MailFailure (authentication refused) when the provider refused the refresh
   */
  public MailAccount of(Inbox inbox) {
    if (inbox.provider == MailProvider.IMAP) {
      return account(inbox, inbox.secret(cipher));
    }
    OAuthTokens current = read(inbox.secret(cipher));
    if (current.expiresAt().isBefore(clock.instant().plus(MARGIN))) {
      try {
        current = tokens.refresh(provider(inbox.provider), current.refreshToken());
      } catch (OAuthTokenEndpoint.RefusedException e) {
        String reason =
            inbox.provider.label()
                + " refused to renew the inbox's authorization ("
                + e.getMessage()
                + "): connect the inbox again";
        QuarkusTransaction.requiringNew() // kept, whatever the caller's transaction does next
            .run(
                () -> {
                  Inbox refused = Inbox.findById(inbox.id);
                  refused.pause(reason);
                  events.changed(refused);
                });
        throw new MailFailure(
            MailFailure.Kind.AUTHENTICATION_REFUSED, MailFailure.Protocol.SMTP, e.getMessage(), e);
      }
      inbox.seal(write(current), cipher);
    }
    return account(inbox, current.accessToken());
  }

  public OAuthConfig.Provider provider(MailProvider provider) {
    return oauth.providers().get(provider.name().toLowerCase(Locale.ROOT));
  }

  public String write(OAuthTokens current) {
    try {
      return json.writeValueAsString(current);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OAuthTokens read(String sealed) {
    try {
      return json.readValue(sealed, OAuthTokens.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MailAccount account(Inbox inbox, String secret) {
    return new MailAccount(
        inbox.address,
        inbox.smtp(),
        inbox.imap(),
        inbox.username,
        secret,
        inbox.provider != MailProvider.IMAP);
  }
}
