package io.identities.warmup.api;

import io.identities.warmup.domain.WarmupOrder;
import io.identities.warmup.plan.Progress.Standing;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The warm-ups of several identities in brief: one for each that has an order. */
public record WarmupSummaries(List<WarmupSummary> items) {

  /**
   * An identity's warm-up in brief, as {@link WarmupView} has it (without its inboxes and order).
   *
   * @param ready once completed: whether its inboxes were ready for campaigns
   * @param day the day of the warm-up it is on (1 on the day of payment, on the identity's
   *     calendar), while it runs
   * @param days how many days it lasts (its one extension included)
   */
  public record WarmupSummary(
      UUID identityId,
      String state,
      String reason,
      Boolean ready,
      Integer day,
      int days,
      Instant startedAt,
      Instant endsAt) {

    static WarmupSummary of(WarmupOrder latest, Standing standing) {
      return new WarmupSummary(
          latest.identityId,
          latest.state.name(),
          latest.stateReason,
          latest.ready,
          standing.day(),
          standing.days(),
          latest.startedAt,
          latest.endsAt);
    }
  }
}
