package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of linkedin.invitation.withdrawn: a pending invitation was withdrawn; the person cannot be
 * invited again by the identity before {@code cooldownEndsAt} (3 weeks).
 */
@RegisterForReflection
public record LinkedInInvitationWithdrawn(
    UUID identityId, UUID invitationId, String profileUrl, Instant cooldownEndsAt) {}
