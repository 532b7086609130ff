package io.identities.backbone.tenant;

/** Roles from the token's {@code groups} claim. */
public final class Roles {

  /** A member of an organization: manages its identities. */
  public static final String MEMBER = "member";

  /** Runs the platform: reads and replays the services' dead-letter queues. */
  public static final String OPERATOR = "operator";

  private Roles() {}
}
