package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of linkedin.session.disconnected: an identity's LinkedIn session ended.
 *
 * @param reason {@code DISCONNECTED} by a user, or {@code EXPIRED} (LinkedIn no longer accepts it)
 */
@RegisterForReflection
public record LinkedInSessionDisconnected(UUID identityId, String reason) {

  public static final String DISCONNECTED = "DISCONNECTED";
  public static final String EXPIRED = "EXPIRED";
}
