package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of identity.share-link.created: a share link was made (spec 2C and the update link). It
 * carries the hash of the link's token, never the token: whoever holds the link opens the pages,
 * whoever reads the queue cannot.
 *
 * @param identityId the identity whose owner refreshes its connection; null for a link that adds a
 *     new identity to the organization
 * @param identityName the identity's name, or the name the link's creator chose for the new one
 *     (null: the visitor gives it)
 * @param invitedBy who made the link, as the platform knows them
 */
@RegisterForReflection
public record ShareLinkCreated(
    UUID linkId,
    String tokenHash,
    UUID identityId,
    String identityName,
    String organizationName,
    String invitedBy,
    Instant expiresAt) {}
