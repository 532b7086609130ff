package io.identities.simulator.linkedin;

import java.time.Instant;

/**
 * A message an account sent through LinkedIn's messenger.
 *
 * @param deliveredAt on the simulator's clock
 * @param originToken the client's token; the same token twice delivers once
 * @param messageId the {@code 2-...} id in {@code urn:li:msg_message:(<mailbox>,<id>)}
 * @param conversationId the {@code 2-...} id of the conversation with that member
 */
public record Message(
    String toSlug,
    String text,
    Instant deliveredAt,
    String originToken,
    String messageId,
    String conversationId) {}
