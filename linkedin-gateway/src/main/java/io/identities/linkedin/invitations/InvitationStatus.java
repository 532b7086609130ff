package io.identities.linkedin.invitations;

/** Where an invitation stands. */
public enum InvitationStatus {
  /** Waits for the person's answer. */
  PENDING,
  ACCEPTED,
  /** Withdrawn by the gateway: the person may not be invited again for 3 weeks. */
  WITHDRAWN,
  /** No longer pending on LinkedIn and not accepted: withdrawn by hand, or declined. */
  GONE
}
