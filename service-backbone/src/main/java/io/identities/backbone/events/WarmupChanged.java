package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of warmup.started, warmup.completed and warmup.cancelled: the identity's warm-up as it
 * stands after the change.
 *
 * @param state the order's state now (e.g. WARMING, COMPLETED, CANCELLED)
 * @param endsAt when the warm-up ends (or ended); null before payment
 * @param changedAt when the change happened: a consumer keeps the latest, whatever the order of
 *     delivery
 */
@RegisterForReflection
public record WarmupChanged(
    UUID identityId,
    UUID orderId,
    String state,
    Instant startedAt,
    Instant endsAt,
    String reason,
    Instant changedAt) {}
