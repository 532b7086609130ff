package io.identities.identity.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The dashboard's metrics over a period (spec 1).
 *
 * @param connections connection requests accepted vs sent
 * @param messages LinkedIn messages sent vs the most that could have been: each identity's daily
 *     message limit times the days of the period
 * @param replied emails that got a reply
 * @param bounceRate bounced emails as a percentage of sent ones (0 when none was sent)
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

  static Statistics of(Period period, ActivityCounters.Totals totals, long dailyMessageLimits) {
    BigDecimal bounceRate =
        totals.emailsSent() == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(totals.emailsBounced() * 100)
                .divide(BigDecimal.valueOf(totals.emailsSent()), 2, RoundingMode.HALF_UP);
    return new Statistics(
        period,
        new Connections(totals.invitationsAccepted(), totals.invitationsSent()),
        new Messages(totals.messagesSent(), dailyMessageLimits * period.days()),
        totals.emailsReplied(),
        new Emails(totals.emailsSent(), totals.emailsBounced()),
        bounceRate);
  }
}
