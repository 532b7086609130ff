package io.identities.linkedin.actions;

import io.identities.backbone.events.ActivityEvents.InvitationSent;
import io.identities.backbone.events.ActivityEvents.LinkedInMessageSent;
import io.identities.backbone.events.ActivityEvents.ProfileVisited;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.LinkedInActionFailed;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.ActionResult.PersonProfile;
import jakarta.enterprise.context.ApplicationScoped;

/** The events that tell the other services how an action ended, written with its outcome. */
@ApplicationScoped
class ActionEvents {

  private final Outbox outbox;
  private final TenantContext tenant;

  ActionEvents(Outbox outbox, TenantContext tenant) {
    this.outbox = outbox;
    this.tenant = tenant;
  }

  void done(Action action, ActionResult result, boolean scraping) {
    PersonProfile person = result.person();
    switch (action.kind) {
      case INVITATION ->
          publish(
              EventTypes.LINKEDIN_INVITATION_SENT,
              action,
              new InvitationSent(action.identityId, action.id, person.profileUrl()));
      case MESSAGE ->
          publish(
              EventTypes.LINKEDIN_MESSAGE_SENT,
              action,
              new LinkedInMessageSent(action.identityId, action.id, person.profileUrl()));
      case PROFILE_VISIT ->
          publish(
              EventTypes.LINKEDIN_PROFILE_VISITED,
              action,
              new ProfileVisited(
                  action.identityId,
                  action.id,
                  person.profileUrl(),
                  person.firstName(),
                  person.lastName(),
                  person.headline(),
                  person.company(),
                  person.location(),
                  person.degree(),
                  scraping));
    }
  }

  void failed(Action action) {
    publish(
        EventTypes.LINKEDIN_ACTION_FAILED,
        action,
        new LinkedInActionFailed(
            action.identityId,
            action.id,
            action.kind.commandType,
            action.person,
            action.failureCode,
            action.failureMessage,
            action.failureUntil));
  }

  private void publish(String type, Action action, Object data) {
    outbox.publishEvent(type, tenant.orgId(), action.id, data);
  }
}
