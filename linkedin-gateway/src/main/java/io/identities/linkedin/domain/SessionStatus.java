package io.identities.linkedin.domain;

/** Where an identity's LinkedIn session stands. */
public enum SessionStatus {
  /** No LinkedIn account has been connected. */
  NOT_CONNECTED
}
