package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Fills an identity from the LinkedIn account linkedin-gateway connected for it. */
@ApplicationScoped
public class LinkedInAccountHandler implements EventHandler {

  private final Events events;
  private final IdentityService identities;

  LinkedInAccountHandler(Events events, IdentityService identities) {
    this.events = events;
    this.identities = identities;
  }

  @Override
  public Set<String> types() {
    return Set.of(EventTypes.LINKEDIN_SESSION_CONNECTED);
  }

  @Override
  public void handle(EventEnvelope event) {
    identities.linkedInConnected(events.data(event, LinkedInSessionConnected.class));
  }
}
