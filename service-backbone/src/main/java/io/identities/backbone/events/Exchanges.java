package io.identities.backbone.events;

/** The platform's RabbitMQ exchanges, declared by every service at start-up. */
public final class Exchanges {

  /** Durable topic exchange for domain events; routing key = event type. */
  public static final String EVENTS = "identities.events";

  /** Durable topic exchange for commands to the gateways; routing key = command type. */
  public static final String COMMANDS = "identities.commands";

  /** Direct exchange that routes a consumer's spent messages to its dead-letter queue. */
  public static final String DEAD_LETTERS = "identities.dead-letters";

  private Exchanges() {}
}
