package io.identities.email.domain;

/** Whether an inbox sends. */
public enum InboxStatus {
  CONNECTED,
  /** Disconnected by a person: its credentials are forgotten until it is connected again. */
  DISCONNECTED,
  /** Stopped by the gateway (too many bounces, authentication failing); the reason says why. */
  PAUSED
}
