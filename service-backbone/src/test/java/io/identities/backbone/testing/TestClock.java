package io.identities.backbone.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests: the real time, unless a test sets or moves it, so deferred work can
 * be shown happening at its slot, and not a moment before, without waiting hours or weeks.
 */
@Singleton
public class TestClock extends Clock {

  private volatile Instant fixed;
  private volatile Duration shift = Duration.ZERO;

  /** Stops the clock at {@code at}. */
  public void set(Instant at) {
    fixed = at;
  }

  /** Moves the clock on by {@code duration}. */
  public void advance(Duration duration) {
    if (fixed != null) {
      fixed = fixed.plus(duration);
    } else {
      shift = shift.plus(duration);
    }
  }

  /** Back to the real time. */
  public void reset() {
    fixed = null;
    shift = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return fixed != null ? fixed : Instant.now().plus(shift);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the services work in instants");
  }
}
