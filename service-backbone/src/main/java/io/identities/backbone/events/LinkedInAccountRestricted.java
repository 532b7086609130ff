package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of linkedin.account.restricted: LinkedIn restricted the identity's account; its actions are
 * held until someone has looked at it.
 *
 * @param message LinkedIn's words
 */
@RegisterForReflection
public record LinkedInAccountRestricted(UUID identityId, String message) {}
