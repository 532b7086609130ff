package io.identities.console.services;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The dashboard's figures over a period (identities-service's statistics): connections accepted of
 * sent, messages sent of possible, emails replied, and the bounce rate.
 */
public record Figures(
    Connections connections,
    Messages messages,
    long replied,
    BigDecimal bounceRate,
    Emails emails) {

  public record Connections(long accepted, long sent) {}

  public record Messages(long sent, long possible) {}

  public record Emails(long sent, long bounced) {}

  /** One identity's figures. */
  public record OfIdentity(
      UUID identityId,
      Connections connections,
      Messages messages,
      long replied,
      BigDecimal bounceRate,
      Emails emails) {

    public Figures figures() {
      return new Figures(connections, messages, replied, bounceRate, emails);
    }
  }
}
