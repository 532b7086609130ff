package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Follows the identity's channels as the gateways connect and disconnect them: its LinkedIn account
 * (linkedin-gateway) and its inboxes (email-gateway).
 */
@ApplicationScoped
public class ChannelAccountsHandler implements EventHandler {

  private final Events events;
  private final IdentityService identities;

  ChannelAccountsHandler(Events events, IdentityService identities) {
    this.events = events;
    this.identities = identities;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        EventTypes.LINKEDIN_SESSION_DISCONNECTED,
        EventTypes.EMAIL_INBOX_CONNECTED,
        EventTypes.EMAIL_INBOX_DISCONNECTED);
  }

  @Override
  public void handle(EventEnvelope event) {
    switch (event.type()) {
      case EventTypes.LINKEDIN_SESSION_CONNECTED ->
          identities.linkedInConnected(events.data(event, LinkedInSessionConnected.class));
      case EventTypes.LINKEDIN_SESSION_DISCONNECTED ->
          identities.linkedInDisconnected(
              events.data(event, LinkedInSessionDisconnected.class).identityId());
      default -> identities.inboxesChanged(events.data(event, InboxConnectionChanged.class));
    }
  }
}
