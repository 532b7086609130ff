package io.identities.linkedin.actions;

/** Where an action stands. */
public enum ActionStatus {
  /** Waits for its slot ({@code notBefore}, and why). */
  QUEUED,
  /** Being done on LinkedIn now. */
  RUNNING,
  DONE,
  /** Ended without doing its work: a reason code and LinkedIn's words. */
  FAILED,
  /** Waits for the account: its session is disconnected, or LinkedIn restricted it. */
  HELD
}
