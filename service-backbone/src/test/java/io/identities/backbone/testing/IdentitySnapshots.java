package io.identities.backbone.testing;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.schedule.WorkingHours;
import java.util.UUID;

/**
 * Snapshots as identities-service publishes them, for tests of the services that replicate them.
 */
public final class IdentitySnapshots {

  private IdentitySnapshots() {}

  /** An identity with the product's default settings. */
  public static IdentitySnapshot of(UUID id, long version, String name) {
    return withLimits(id, version, name, 20, 100);
  }

  public static IdentitySnapshot withLimits(
      UUID id, long version, String name, int dailyConnectionRequests, int dailyMessages) {
    return new IdentitySnapshot(
        id,
        version,
        name,
        new IdentitySnapshot.LinkedInSettings(
            dailyConnectionRequests, dailyMessages, null, false, 7),
        new IdentitySnapshot.EmailSettings(30, 5, null, null),
        WorkingHours.standard("UTC"));
  }
}
