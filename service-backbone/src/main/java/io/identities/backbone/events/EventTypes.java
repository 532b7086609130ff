package io.identities.backbone.events;

/** Event and command types; each is also the routing key it travels with. */
public final class EventTypes {

  /** A new identity; data: {@link IdentitySnapshot}. */
  public static final String IDENTITY_CREATED = "identity.created";

  /** An identity's details or settings changed; data: {@link IdentitySnapshot}, the whole of it. */
  public static final String IDENTITY_UPDATED = "identity.updated";

  /** An identity was deleted; data: {@link IdentityDeleted}. */
  public static final String IDENTITY_DELETED = "identity.deleted";

  /** Every identity.* event, for bindings. */
  public static final String IDENTITY_ALL = "identity.*";

  private EventTypes() {}
}
