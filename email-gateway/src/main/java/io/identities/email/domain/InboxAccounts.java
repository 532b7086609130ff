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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

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
   * How to log in to the inbox now, in the caller's transaction.
   *
   * @throws MailFailure (authentication refused) when the provider refused the refresh
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public MailAccount of(Inbox inbox) {
    if (inbox.provider == MailProvider.IMAP) {
      return account(inbox, inbox.secret(cipher));
    }
    OAuthTokens current = read(inbox.secret(cipher));
    if (expiring(current)) {
      Renewal renewal = QuarkusTransaction.requiringNew().call(() -> renew(inbox.id));
      if (renewal.refusal() != null) {
        throw new MailFailure(
            MailFailure.Kind.AUTHENTICATION_REFUSED,
            MailFailure.Protocol.SMTP,
            renewal.refusal(),
            null);
      }
      current = renewal.tokens();
    }
    return account(inbox, current.accessToken());
  }

  /** The tokens now, or why the provider refused to renew them. */
  private record Renewal(OAuthTokens tokens, String refusal) {}

  /**
   * Renews the inbox's tokens under a lock on its row, so two threads (sending and reading) never
   * both spend a refresh token the provider rotates; the second finds the tokens already renewed. A
   * refusal pauses the inbox (kept: this transaction commits).
   */
  private Renewal renew(UUID inboxId) {
    Inbox inbox = Inbox.findById(inboxId, LockModeType.PESSIMISTIC_WRITE);
    OAuthTokens current = read(inbox.secret(cipher));
    if (!expiring(current)) {
      return new Renewal(current, null);
    }
    try {
      current = tokens.refresh(provider(inbox.provider), current.refreshToken());
    } catch (OAuthTokenEndpoint.RefusedException e) {
      inbox.pause(
          inbox.provider.label()
              + " refused to renew the inbox's authorization ("
              + e.getMessage()
              + "): connect the inbox again");
      events.changed(inbox);
      return new Renewal(null, e.getMessage());
    }
    inbox.seal(write(current), cipher);
    return new Renewal(current, null);
  }

  private boolean expiring(OAuthTokens current) {
    return current.expiresAt().isBefore(clock.instant().plus(MARGIN));
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
