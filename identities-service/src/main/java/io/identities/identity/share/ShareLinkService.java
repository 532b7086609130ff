package io.identities.identity.share;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.ShareLinkCreated;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.identity.domain.Identity;
import io.identities.identity.domain.IdentityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes share links (spec 2C and "Share Identity Link"): a link for an outsider to add their
 * identity to the organization, or for an identity's owner to refresh its connection, without a
 * platform account. The token exists only in the answer to the link's creator; the pages that take
 * it (served by linkedin-gateway, where the LinkedIn password goes) learn of the link from
 * identity.share-link.created, which carries the token's hash.
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

  ShareLinkService(
      Outbox outbox,
      TenantContext tenant,
      IdentityService identities,
      ShareLinkConfig config,
      JsonWebToken caller) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.identities = identities;
    this.config = config;
    this.caller = caller;
  }

  /** A link that adds a new identity; {@code identityName} null lets the visitor name it. */
  public ShareLink forNewIdentity(String identityName) {
    return create(null, identityName);
  }

  /** A link for the owner of an existing identity to refresh its connection. */
  public ShareLink forIdentity(UUID identityId) {
    Identity identity = identities.get(identityId);
    return create(identity.id, identity.name);
  }

  private ShareLink create(UUID identityId, String identityName) {
    String token = ShareLinkTokens.newToken();
    Instant expiresAt = Instant.now().plus(config.lifetime()).truncatedTo(ChronoUnit.SECONDS);
    UUID linkId = UUID.randomUUID();
    outbox.publishEvent(
        EventTypes.IDENTITY_SHARE_LINK_CREATED,
        tenant.orgId(),
        identityId != null ? identityId : linkId,
        new ShareLinkCreated(
            linkId,
            ShareLinkTokens.hash(token),
            identityId,
            identityName,
            organizationName(),
            invitedBy(),
            expiresAt));
    return new ShareLink(config.baseUrl().replaceAll("/+$", "") + "/share/" + token, expiresAt);
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
  public record ShareLink(String url, Instant expiresAt) {}
}
