package io.identities.identity.stats;

import io.identities.backbone.events.ActivityEvents.EmailBounced;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Counts the gateways' activity events into the dashboard's counters, once per event. */
@ApplicationScoped
public class ActivityEventsHandler implements EventHandler {

  private static final Set<String> TYPES =
      Arrays.stream(Metric.values()).map(m -> m.eventType).collect(Collectors.toUnmodifiableSet());

  private final Events events;
  private final ActivityCounters counters;

  ActivityEventsHandler(Events events, ActivityCounters counters) {
    this.events = events;
    this.counters = counters;
  }

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public void handle(EventEnvelope event) {
    Metric metric = Metric.of(event.type()).orElseThrow();
    var activity = events.data(event, metric.data);
    if (activity.identityId() == null || event.time() == null) {
      throw new Events.MalformedEventException(
          event.type() + " " + event.id() + " lacks identityId or time", null);
    }
    Instant at = event.time().toInstant();
    if (activity instanceof EmailBounced bounce) {
      // counted with the email it bounced, so no period shows more bounces than emails sent
      at = bounce.sentAt() != null ? bounce.sentAt() : at;
      if (bounce.refused()) { // an attempted send: no email.sent came for it
        counters.count(event.orgid(), activity.identityId(), Metric.EMAILS_SENT, at);
      }
    }
    counters.count(event.orgid(), activity.identityId(), metric, at);
  }
}
