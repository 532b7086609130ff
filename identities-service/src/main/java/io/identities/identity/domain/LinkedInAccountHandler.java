package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Follows the identity's LinkedIn account as linkedin-gateway connects and disconnects it. */
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
    return Set.of(EventTypes.LINKEDIN_SESSION_CONNECTED, EventTypes.LINKEDIN_SESSION_DISCONNECTED);
  }

  @Override
  public void handle(EventEnvelope event) {
    if (EventTypes.LINKEDIN_SESSION_CONNECTED.equals(event.type())) {
      identities.linkedInConnected(events.data(event, LinkedInSessionConnected.class));
    } else {
      identities.linkedInDisconnected(
          events.data(event, LinkedInSessionDisconnected.class).identityId());
    }
  }
}
