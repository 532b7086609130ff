package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** Data of identity.deleted: the services stop acting for this identity. */
@RegisterForReflection
public record IdentityDeleted(UUID identityId) {}
