package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of email.inbox.sent-by-hand: while its identity warms up, the inbox's Sent folder got mail
 * the gateway did not send (its owner wrote it by hand).
 *
 * @param count how many such emails this look found
 */
@RegisterForReflection
public record InboxSentByHand(UUID identityId, UUID inboxId, String address, int count) {}
