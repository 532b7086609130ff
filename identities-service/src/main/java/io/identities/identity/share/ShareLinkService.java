package io.identities.identity.share;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.ShareLinkCreated;
import io.identities.backbone.events.ShareLinkSpent;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.share.ShareLinkKeeper.Spent;
import io.identities.backbone.tenant.TenantContext;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes and keeps share links (spec 2C and "Share Identity Link"): a link for an outsider to add
 * their identity to the organization, or for an identity's owner to refresh its connection, without
 * a platform account. The token exists only in the answer to the link's creator; this service keeps
 * its hash, and the pages that take it (linkedin-gateway's, where the LinkedIn password goes, and
 * email-gateway's inbox page) learn of the link from identity.share-link.created and spend it here,
 * once, whichever page it is (identity.share-link.spent tells them it was).
 */
@ApplicationScoped
@Transactional
public class ShareLinkService {

  /** The JWT claim naming the caller's organization for people; the org id when absent. */
  static final String ORG_NAME_CLAIM = "org_name";

  private final Outbox outbox;
  private final TenantContext tenant;
  private final IdentityService identities;
  private final ShareLinkConfig config;
  private final JsonWebToken caller;
  private final Clock clock;

  ShareLinkService(
      Outbox outbox,
      TenantContext tenant,
      IdentityService identities,
      ShareLinkConfig config,
      JsonWebToken caller,
      Clock clock) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.identities = identities;
    this.config = config;
    this.caller = caller;
    this.clock = clock;
  }

  /** A link that adds a new identity; {@code identityName} null lets the visitor name it. */
  public LinkToShare forNewIdentity(String identityName) {
    return create(null, identityName);
  }

  /** A link for the owner of an existing identity to refresh its connection. */
  public LinkToShare forIdentity(UUID identityId) {
    Identity identity = identities.get(identityId);
    return create(identity.id, identity.name);
  }

  private LinkToShare create(UUID identityId, String identityName) {
    String token = ShareLinkTokens.newToken();
    Instant expiresAt = clock.instant().plus(config.lifetime()).truncatedTo(ChronoUnit.SECONDS);
    ShareLink link =
        ShareLink.make(tenant.orgId(), ShareLinkTokens.hash(token), identityId, expiresAt);
    link.persist();
    outbox.publishEvent(
        EventTypes.IDENTITY_SHARE_LINK_CREATED,
        link.orgId,
        link.subject(),
        new ShareLinkCreated(
            link.id,
            link.tokenHash,
            identityId,
            identityName,
            organizationName(),
            invitedBy(),
            expiresAt));
    return new LinkToShare(config.baseUrl().replaceAll("/+$", "") + "/share/" + token, expiresAt);
  }

  /**
   * Spends the link behind {@code token} for a page's {@code claim}: of concurrent spenders, the
   * first to lock the link's row spends it, the others find it spent. The claim that spent it gets
   * the same answer again, so a page may retry after a lost answer.
   *
   * @param spentOn the page: {@code linkedin} or {@code email}
   * @throws ShareLink.Refused when another claim spent it, or it expired unspent
   */
  public Spent spend(String token, String claim, String spentOn) {
    ShareLink link =
        ShareLink.<ShareLink>find("tokenHash", ShareLinkTokens.hash(token))
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Status.NOT_FOUND, "Not found", "No share link has this token", List.of()));
    if (link.spend(claim, spentOn, clock.instant())) {
      outbox.publishEvent(
          EventTypes.IDENTITY_SHARE_LINK_SPENT,
          link.orgId,
          link.subject(),
          new ShareLinkSpent(link.id, spentOn, link.spentAt));
    }
    return new Spent(link.id, link.orgId, link.identityId);
  }

  private String organizationName() {
    String name = caller.getClaim(ORG_NAME_CLAIM);
    return name == null || name.isBlank() ? tenant.orgId() : name;
  }

  private String invitedBy() {
    for (String claim : new String[] {"name", "email", "preferred_username"}) {
      String value = caller.getClaim(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** What the link's creator gets: the URL to pass on, and until when it works. */
  public record LinkToShare(String url, Instant expiresAt) {}
}
