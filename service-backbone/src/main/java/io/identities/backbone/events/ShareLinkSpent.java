package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of identity.share-link.spent: a share link was used once, on one of the pages that take it
 * (LinkedIn's or the inbox page); the pages mark their copy of it used.
 *
 * @param spentOn which page spent it: {@code linkedin} or {@code email}
 */
@RegisterForReflection
public record ShareLinkSpent(UUID linkId, String spentOn, Instant spentAt) {}
