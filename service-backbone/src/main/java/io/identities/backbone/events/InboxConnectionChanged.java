package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of email.inbox.connected and email.inbox.disconnected.
 *
 * @param status the inbox's status now: CONNECTED, DISCONNECTED or PAUSED
 * @param connectedInboxes how many of the identity's inboxes are connected after this change
 * @param inboxesVersion counts the identity's inbox changes up: of two events, the higher one tells
 *     the later state, whatever order they arrive in
 */
@RegisterForReflection
public record InboxConnectionChanged(
    UUID identityId,
    UUID inboxId,
    String address,
    String status,
    int connectedInboxes,
    long inboxesVersion) {}
