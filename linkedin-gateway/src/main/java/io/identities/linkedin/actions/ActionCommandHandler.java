package io.identities.linkedin.actions;

import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.LinkedInCommands.SendInvitation;
import io.identities.backbone.events.LinkedInCommands.SendMessage;
import io.identities.backbone.events.LinkedInCommands.VisitProfile;
import io.identities.backbone.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes the LinkedIn action commands from the bus. A command the gateway cannot accept (unknown
 * identity, a note over 300 characters) fails and ends in the dead-letter queue after the queue's
 * retries.
 */
@ApplicationScoped
public class ActionCommandHandler implements EventHandler {

  private final Events events;
  private final ActionService actions;

  ActionCommandHandler(Events events, ActionService actions) {
    this.events = events;
    this.actions = actions;
  }

  @Override
  public Set<String> types() {
    return Arrays.stream(ActionKind.values())
        .filter(ActionKind::requestable)
        .map(kind -> kind.commandType)
        .collect(Collectors.toSet());
  }

  @Override
  public void handle(EventEnvelope command) {
    ActionKind kind = ActionKind.ofCommand(command.type()).orElseThrow();
    actions.enqueue(command.id(), request(kind, command));
  }

  private ActionService.Request request(ActionKind kind, EventEnvelope command) {
    return switch (kind) {
      case INVITATION -> {
        SendInvitation data = events.data(command, SendInvitation.class);
        yield new ActionService.Request(
            data.identityId(),
            kind,
            data.person(),
            data.note(),
            data.allowWithoutNote(),
            null,
            null);
      }
      case MESSAGE -> {
        SendMessage data = events.data(command, SendMessage.class);
        yield new ActionService.Request(
            data.identityId(), kind, data.person(), null, false, data.text(), null);
      }
      case WITHDRAWAL -> throw new IllegalStateException("not a command: " + kind);
      case PROFILE_VISIT -> {
        VisitProfile data = events.data(command, VisitProfile.class);
        yield new ActionService.Request(
            data.identityId(), kind, data.person(), null, false, null, null);
      }
    };
  }
}
