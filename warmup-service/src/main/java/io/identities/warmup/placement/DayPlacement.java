package io.identities.warmup.placement;

import java.time.LocalDate;

/**
 * What became of an inbox's warm-up emails of one day: how many its partners found in the inbox, in
 * spam, and how many were refused for good for the sender's sake (bounced: its policy, its message
 * taken for spam; not a pool address that is gone).
 */
public record DayPlacement(LocalDate day, int inbox, int spam, int bounced) {

  public int landed() {
    return inbox + spam;
  }

  /** Delivered or refused: what reached a recipient's server. */
  public int attempted() {
    return landed() + bounced;
  }
}
