package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * What the other services replicate of an identity, carried whole by every identity.* event so a
 * replica never needs to ask identities-service.
 *
 * @param version the identity's version; a replica ignores a snapshot older than the one it holds
 */
@RegisterForReflection
public record IdentitySnapshot(
    UUID identityId, long version, String name, LinkedInLimits linkedin) {

  /** The identity's daily LinkedIn activity limits. */
  @RegisterForReflection
  public record LinkedInLimits(int dailyConnectionRequests, int dailyMessages) {}
}
