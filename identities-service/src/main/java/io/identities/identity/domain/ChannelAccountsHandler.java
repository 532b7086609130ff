package io.identities.identity.domain;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Follows the identity's channels as the gateways connect and disconnect them: its LinkedIn account
 * (linkedin-gateway) and its inboxes (email-gateway).
 */
@ApplicationScoped
public class ChannelAccountsHandler implements EventHandler {

  private final Events events;
  private final IdentityService identities;
  private final Clock clock;

  ChannelAccountsHandler(Events events, IdentityService identities, Clock clock) {
    this.events = events;
    this.identities = identities;
    this.clock = clock;
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
          identities.linkedInConnected(
              events.data(event, LinkedInSessionConnected.class), happenedAt(event));
      case EventTypes.LINKEDIN_SESSION_DISCONNECTED ->
          identities.linkedInDisconnected(
              events.data(event, LinkedInSessionDisconnected.class).identityId(),
              happenedAt(event));
      default -> identities.inboxesChanged(events.data(event, InboxConnectionChanged.class));
    }
  }

  /** When the gateway connected or disconnected the account: the event's time, else now. */
  private Instant happenedAt(EventEnvelope event) {
    return event.time() != null ? event.time().toInstant() : clock.instant();
  }
}
