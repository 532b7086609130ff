package io.identities.email.sending;

/** Where a send stands. */
public enum SendStatus {
  /** Waiting for its slot ({@code notBefore}): working hours, and its inbox's limits. */
  QUEUED,
  /** Waiting for its inbox to be connected again (its lead errored); never dropped. */
  HELD,
  /** Its inbox's capacity is reserved and the SMTP server is being given the message. */
  SENDING,
  SENT,
  /** The SMTP server refused it for good (5xx); see the reason. */
  BOUNCED
}
