package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of email.lead.errored: the lead's sequence started on {@code inboxId}, which can no longer
 * send; its emails are held until that inbox is connected again or the lead is moved to another.
 * Also of email.lead.resolved, with the inbox the lead's emails go from now and no reason.
 */
@RegisterForReflection
public record LeadErrored(UUID identityId, UUID leadId, UUID inboxId, String reason) {}
