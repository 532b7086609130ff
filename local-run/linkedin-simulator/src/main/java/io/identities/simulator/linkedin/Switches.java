package io.identities.simulator.linkedin;

import java.util.Optional;

/**
 * The states in which LinkedIn refuses every Voyager call of an account: a temporary restriction
 * (403 {@code ACCOUNT_RESTRICTED}) and throttling of the next calls (429, or 999 for the anti-bot
 * block).
 */
final class Switches {

  private boolean restricted;
  private int throttledCalls;
  private LinkedInError throttle;

  synchronized void restrict(boolean restricted) {
    this.restricted = restricted;
  }

  /**
   * @param status 429 or 999
   */
  synchronized void throttle(int calls, int status) {
    throttle =
        switch (status) {
          case 429 -> LinkedInError.TOO_MANY_REQUESTS;
          case 999 -> LinkedInError.BLOCKED;
          default -> throw new IllegalArgumentException("throttling answers 429 or 999: " + status);
        };
    throttledCalls = calls;
  }

  /** What LinkedIn answers the account's next call instead, counting a throttled call. */
  synchronized Optional<LinkedInError> refusal() {
    if (restricted) {
      return Optional.of(LinkedInError.ACCOUNT_RESTRICTED);
    }
    if (throttledCalls > 0) {
      throttledCalls--;
      return Optional.of(throttle);
    }
    return Optional.empty();
  }
}
