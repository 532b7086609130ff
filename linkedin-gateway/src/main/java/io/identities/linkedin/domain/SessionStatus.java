package io.identities.linkedin.domain;

/** Where an identity's LinkedIn session stands. */
public enum SessionStatus {
  /** No LinkedIn account has been connected. */
  NOT_CONNECTED,
  /** A login waits for its verification code or app approval. */
  CHALLENGE_PENDING,
  CONNECTED,
  /** The session ended (expired, revoked, or disconnected by a user). */
  DISCONNECTED
}
