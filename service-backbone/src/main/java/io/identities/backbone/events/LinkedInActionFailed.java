package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of linkedin.action.failed: an action ended without doing its work.
 *
 * @param actionId the command's id
 * @param type the command's type, e.g. linkedin.invitation.send
 * @param code why, e.g. NOT_CONNECTED, ALREADY_CONNECTED, COOLDOWN, or LinkedIn's own code
 * @param message LinkedIn's words, when it gave some
 * @param until for COOLDOWN: when the person may be invited again
 */
@RegisterForReflection
public record LinkedInActionFailed(
    UUID identityId,
    UUID actionId,
    String type,
    String person,
    String code,
    String message,
    Instant until) {}
