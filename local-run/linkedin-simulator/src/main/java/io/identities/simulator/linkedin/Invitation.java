package io.identities.simulator.linkedin;

import java.time.Instant;

/**
 * An invitation to connect an account sent, as LinkedIn keeps it.
 *
 * @param invitationId LinkedIn's decimal id, the one in {@code urn:li:fsd_invitation:<id>}
 * @param sharedSecret what a withdrawal must present with the id
 * @param note the note ({@code customMessage}), null for none
 * @param sentTime on the simulator's clock
 * @param withdrawnAt on the simulator's clock; null unless withdrawn
 */
public record Invitation(
    String invitationId,
    String sharedSecret,
    String toSlug,
    String toMemberId,
    String note,
    Instant sentTime,
    State state,
    Instant withdrawnAt) {

  public enum State {
    PENDING,
    ACCEPTED,
    WITHDRAWN
  }

  boolean isPending() {
    return state == State.PENDING;
  }

  Invitation accepted() {
    return new Invitation(
        invitationId, sharedSecret, toSlug, toMemberId, note, sentTime, State.ACCEPTED, null);
  }

  Invitation withdrawn(Instant at) {
    return new Invitation(
        invitationId, sharedSecret, toSlug, toMemberId, note, sentTime, State.WITHDRAWN, at);
  }
}
