package io.identities.backbone.events;

/** Event and command types; each is also the routing key it travels with. */
public final class EventTypes {

  /** A new identity; data: {@link IdentitySnapshot}. */
  public static final String IDENTITY_CREATED = "identity.created";

  /** Every identity.* event, for bindings. */
  public static final String IDENTITY_ALL = "identity.*";

  private EventTypes() {}
}
