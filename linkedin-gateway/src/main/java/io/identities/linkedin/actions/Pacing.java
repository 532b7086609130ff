package io.identities.linkedin.actions;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The gap after an account's action before its next one (peers: Outpilot spreads a day's limit over
 * the business hours with jitter and at least 90 s between sends; OpenOutreach keeps 120 s): the
 * rest of the working window shared among the actions still to do today, kept between the
 * configured minimum and maximum, varied by ±25 %, and never under the minimum. So a full day's
 * work spreads over the whole window, a light day does not wait hours between two actions, and no
 * two actions ever come in a burst.
 */
public final class Pacing {

  private final Duration minimum;
  private final Duration maximum;
  private final RandomGenerator random;

  public Pacing(Duration minimum, Duration maximum, RandomGenerator random) {
    this.minimum = minimum;
    this.maximum = maximum.compareTo(minimum) < 0 ? minimum : maximum;
    this.random = random;
  }

  /**
   * @param windowLeft what is left of the working window the action ran in
   * @param actionsLeft the actions the account may still do in it
   */
  public Duration gapAfter(Duration windowLeft, int actionsLeft) {
    Duration share = actionsLeft <= 0 ? maximum : windowLeft.dividedBy(actionsLeft);
    Duration base = share.compareTo(minimum) < 0 ? minimum : share;
    base = base.compareTo(maximum) > 0 ? maximum : base;
    Duration varied =
        Duration.ofMillis((long) (base.toMillis() * (0.75 + 0.5 * random.nextDouble())));
    return varied.compareTo(minimum) < 0 ? minimum : varied;
  }
}
