package io.identities.console.dashboard;

import io.identities.console.services.Figures;
import java.math.BigDecimal;
import java.util.List;

/**
 * One of the dashboard's four cards: its figure for the period ("12" or "3 of 20", "1.50 %") and
 * the same figure for the period before.
 */
public record Card(String name, String figure, String of, String previous, String hint) {

  /**
   * The four cards of the spec, from the period's figures and the previous period's.
   *
   * @param quiet whether nothing happened in the period (every figure zero)
   */
  public record Cards(List<Card> all, boolean quiet) {}

  static Cards of(Figures now, Figures before, String previousName) {
    boolean quiet =
        now.connections().sent() == 0
            && now.connections().accepted() == 0
            && now.messages().sent() == 0
            && now.replied() == 0
            && now.emails().sent() == 0;
    return new Cards(
        List.of(
            new Card(
                "Connections",
                String.valueOf(now.connections().accepted()),
                "accepted of " + now.connections().sent() + " sent",
                before.connections().accepted()
                    + " of "
                    + before.connections().sent()
                    + " "
                    + previousName,
                "LinkedIn connection requests accepted, of those sent"),
            new Card(
                "Messages sent",
                String.valueOf(now.messages().sent()),
                "of " + now.messages().possible() + " possible",
                before.messages().sent()
                    + " of "
                    + before.messages().possible()
                    + " "
                    + previousName,
                "Messages sent, of what the identities' daily limits allowed"),
            new Card(
                "Replied",
                String.valueOf(now.replied()),
                (now.replied() == 1 ? "email" : "emails") + " with a reply",
                before.replied() + " " + previousName,
                "Emails that received a response"),
            new Card(
                "Bounce rate",
                percent(now.bounceRate()),
                "of " + emails(now.emails().sent()) + " sent",
                percent(before.bounceRate()) + " " + previousName,
                "Emails that bounced, of those sent")),
        quiet);
  }

  private static String emails(long count) {
    return count + (count == 1 ? " email" : " emails");
  }

  static String percent(BigDecimal rate) {
    return rate.toPlainString() + " %";
  }
}
