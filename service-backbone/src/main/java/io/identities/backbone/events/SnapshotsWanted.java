package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Data of identity.snapshots.announce.
 *
 * @param service the service that wants them, for the log
 */
@RegisterForReflection
public record SnapshotsWanted(String service) {}
