package io.identities.identity.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The dashboard's metrics over a period (spec 1).
 *
 * @param connections connection requests accepted vs sent
 * @param messages LinkedIn messages sent vs the most the platform would have let the identities
 *     send (see {@link PossibleMessages})
 * @param replied emails that got a reply
 * @param bounceRate bounced emails as a percentage of sent ones, always with two decimals (0.00
 *     when none was sent)
 */
public record Statistics(
    Period period,
    Connections connections,
    Messages messages,
    long replied,
    Emails emails,
    BigDecimal bounceRate) {

  public record Connections(long accepted, long sent) {}

  public record Messages(long sent, long possible) {}

  public record Emails(long sent, long bounced) {}

  /** The bounce rate's decimals, the same in every answer. */
  static final int BOUNCE_RATE_SCALE = 2;

  static Statistics of(Period period, ActivityCounters.Totals totals, long possibleMessages) {
    BigDecimal bounceRate =
        totals.emailsSent() == 0
            ? BigDecimal.ZERO.setScale(BOUNCE_RATE_SCALE)
            : BigDecimal.valueOf(totals.emailsBounced() * 100)
                .divide(
                    BigDecimal.valueOf(totals.emailsSent()),
                    BOUNCE_RATE_SCALE,
                    RoundingMode.HALF_UP);
    return new Statistics(
        period,
        new Connections(totals.invitationsAccepted(), totals.invitationsSent()),
        new Messages(totals.messagesSent(), possibleMessages),
        totals.emailsReplied(),
        new Emails(totals.emailsSent(), totals.emailsBounced()),
        bounceRate);
  }
}
