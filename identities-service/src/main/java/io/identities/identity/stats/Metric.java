package io.identities.identity.stats;

import io.identities.backbone.events.ActivityEvents.Activity;
import io.identities.backbone.events.ActivityEvents.EmailBounced;
import io.identities.backbone.events.ActivityEvents.EmailReplied;
import io.identities.backbone.events.ActivityEvents.EmailSent;
import io.identities.backbone.events.ActivityEvents.InvitationAccepted;
import io.identities.backbone.events.ActivityEvents.InvitationSent;
import io.identities.backbone.events.ActivityEvents.LinkedInMessageSent;
import io.identities.backbone.events.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** What the dashboard counts, each fed by one gateway event and kept in its own column. */
public enum Metric {
  INVITATIONS_SENT(EventTypes.LINKEDIN_INVITATION_SENT, InvitationSent.class, "invitations_sent"),
  INVITATIONS_ACCEPTED(
      EventTypes.LINKEDIN_INVITATION_ACCEPTED, InvitationAccepted.class, "invitations_accepted"),
  MESSAGES_SENT(EventTypes.LINKEDIN_MESSAGE_SENT, LinkedInMessageSent.class, "messages_sent"),
  EMAILS_SENT(EventTypes.EMAIL_SENT, EmailSent.class, "emails_sent"),
  EMAILS_REPLIED(EventTypes.EMAIL_REPLIED, EmailReplied.class, "emails_replied"),
  EMAILS_BOUNCED(EventTypes.EMAIL_BOUNCED, EmailBounced.class, "emails_bounced");

  final String eventType;
  final Class<? extends Activity> data;
  final String column;

  Metric(String eventType, Class<? extends Activity> data, String column) {
    this.eventType = eventType;
    this.data = data;
    this.column = column;
  }

  static Optional<Metric> of(String eventType) {
    return Arrays.stream(values()).filter(m -> m.eventType.equals(eventType)).findFirst();
  }
}
