package io.identities.email.share;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.EmailIdentity;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxService;
import io.identities.email.domain.InboxStatus;
import io.identities.email.domain.MailProvider;
import io.identities.email.mail.MailAccount;
import io.identities.email.oauth.OAuthService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Spec "Share Identity Link (Update)", email side: the identity's owner, holding the link, sees the
 * identity's inboxes that stopped sending and connects one again by entering its password (or, for
 * Google and Microsoft, by authorizing it again). Reconnecting with the password spends the link,
 * at the keeper of share links (identities-service) first: one link, one use, whichever page (this
 * one or LinkedIn's) spends it.
 */
@ApplicationScoped
public class InboxShareService {

  /** This page, as the keeper of share links and identity.share-link.spent name it. */
  static final String PAGE = "email";

  private static final Logger LOG = Logger.getLogger(InboxShareService.class);

  private final InboxService inboxes;
  private final OAuthService oauth;
  private final ShareLinkKeeper keeper;
  private final TenantContext tenant;
  private final Clock clock;

  InboxShareService(
      InboxService inboxes,
      OAuthService oauth,
      ShareLinkKeeper keeper,
      TenantContext tenant,
      Clock clock) {
    this.inboxes = inboxes;
    this.oauth = oauth;
    this.keeper = keeper;
    this.tenant = tenant;
    this.clock = clock;
  }

  /** Why a link opens no page. */
  public enum Unusable {
    UNKNOWN,
    EXPIRED,
    USED
  }

  public static class UnusableLinkException extends RuntimeException {
    private final Unusable reason;

    UnusableLinkException(Unusable reason) {
      super(reason.name());
      this.reason = reason;
    }

    public Unusable reason() {
      return reason;
    }
  }

  /** What the page shows: whose link it is, and the inboxes to reconnect. */
  public record Opened(InboxShareLink link, String identityName, List<Inbox> disconnected) {}

  /** Opens the link (for its organization, from now on in this request). */
  public Opened open(String token) {
    InboxShareLink link = usable(token);
    tenant.actFor(link.orgId);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new Opened(
                    link,
                    EmailIdentity.<EmailIdentity>findById(link.identityId).name,
                    Inbox.list(
                        "identityId = ?1 and status <> ?2 order by createdAt",
                        link.identityId,
                        InboxStatus.CONNECTED)));
  }

  /**
   * Connects the inbox again with the password its owner entered. Once its servers took the
   * password, the link {@code token} opened is spent at the keeper, then here in the transaction
   * that records the reconnection: of two browsers racing on one link, one reconnects, the other
   * finds it used. A link the keeper refuses (spent on another page, expired) reconnects nothing;
   * so does a keeper that cannot be asked, and the owner tries again in a moment.
   */
  public Inbox reconnect(String token, Opened opened, UUID inboxId, String password) {
    Inbox inbox = inboxOf(opened, inboxId);
    return inboxes
        .connect(
            opened.link().identityId,
            new MailAccount(
                inbox.address, inbox.smtp(), inbox.imap(), inbox.username, password, false),
            () -> spendAtKeeper(token, inbox.id),
            () -> spend(opened.link()))
        .inbox();
  }

  /**
   * Spends the link at the keeper as this inbox's reconnection: trying it again (after an answer
   * that was lost, or a failure here) makes the same claim, which the keeper grants again.
   */
  private void spendAtKeeper(String token, UUID inboxId) {
    try {
      keeper.spend(token, claim(inboxId), PAGE);
    } catch (ShareLinkKeeper.Refused refused) {
      throw new UnusableLinkException(Unusable.valueOf(refused.reason().name()));
    } catch (ShareLinkKeeper.Unreachable unreachable) {
      LOG.warnf("share link not spent, nothing reconnected: %s", unreachable.getMessage());
      throw new ProblemException(
          Status.SERVICE_UNAVAILABLE,
          "Link not checked",
          "the link could not be checked just now, so nothing was changed: please try again in a"
              + " moment",
          List.of());
    }
  }

  /** What reconnecting the inbox claims the link as, at the keeper. */
  static String claim(UUID inboxId) {
    return PAGE + ":inbox:" + inboxId;
  }

  private void spend(InboxShareLink link) {
    // the row lock makes a second spender wait, then find it spent
    int spent =
        InboxShareLink.update(
            "usedAt = ?1 where id = ?2 and usedAt is null", clock.instant(), link.id);
    if (spent == 0) {
      throw new UnusableLinkException(Unusable.USED);
    }
  }

  /** Where to send the owner to authorize a Google or Microsoft inbox again. */
  public URI authorize(Opened opened, UUID inboxId) {
    Inbox inbox = inboxOf(opened, inboxId);
    return oauth.start(opened.link().identityId, inbox.provider).authorizationUrl();
  }

  private static Inbox inboxOf(Opened opened, UUID inboxId) {
    return opened.disconnected().stream()
        .filter(inbox -> inbox.id.equals(inboxId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("Inbox", inboxId));
  }

  /** Whether the provider of an inbox connects with OAuth (no password to enter). */
  public static boolean authorizedWithOAuth(Inbox inbox) {
    return inbox.provider != MailProvider.IMAP;
  }

  private InboxShareLink usable(String token) {
    InboxShareLink link =
        token == null
            ? null
            : QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        InboxShareLink.<InboxShareLink>find(
                                "tokenHash", ShareLinkTokens.hash(token))
                            .firstResult());
    if (link == null) {
      throw new UnusableLinkException(Unusable.UNKNOWN);
    }
    if (link.usedAt != null) {
      throw new UnusableLinkException(Unusable.USED);
    }
    if (!clock.instant().isBefore(link.expiresAt)) {
      throw new UnusableLinkException(Unusable.EXPIRED);
    }
    return link;
  }
}
