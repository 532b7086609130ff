package io.identities.linkedin.domain;

import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction that records it) when an identity's LinkedIn session
 * is connected or ends, so what waits for the account can follow.
 */
public record SessionChanged(UUID identityId, boolean connected) {}
