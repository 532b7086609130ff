package io.identities.backbone.testing;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.ShareLinkCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Share links as identities-service makes them: announced on the bus and kept by the share-link
 * keeper (its stand-in, {@link ShareLinkKeeperStandIn}), token kept by the test.
 */
public final class ShareLinkAnnouncements {

  private ShareLinkAnnouncements() {}

  /**
   * Announces a link of {@code org} (for {@code identityId}, or null to add a new identity) without
   * waiting for it; answers its token. A negative lifetime makes it expired already.
   */
  public static String announce(
      BrokerProbe broker,
      Events events,
      String org,
      UUID identityId,
      String identityName,
      Duration lifetime) {
    String token = ShareLinkTokens.newToken();
    UUID linkId = UUID.randomUUID();
    Instant expiresAt = Instant.now().plus(lifetime);
    ShareLinkKeeperStandIn.get().keep(token, linkId, org, identityId, expiresAt);
    broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_SHARE_LINK_CREATED,
            org,
            linkId.toString(),
            new ShareLinkCreated(
                linkId,
                ShareLinkTokens.hash(token),
                identityId,
                identityName,
                "Acme Outreach",
                "Grace Hopper",
                expiresAt)));
    return token;
  }
}
