package io.identities.linkedin.actions;

import io.identities.backbone.events.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** What an action does on LinkedIn, and the command that asks for it. */
public enum ActionKind {
  INVITATION(EventTypes.LINKEDIN_INVITATION_SEND),
  MESSAGE(EventTypes.LINKEDIN_MESSAGE_SEND),
  PROFILE_VISIT(EventTypes.LINKEDIN_PROFILE_VISIT),
  /** Withdrawing a pending invitation: asked for through the invitations, not by command. */
  WITHDRAWAL("linkedin.invitation.withdraw");

  /** The command type (and API {@code type}) of this kind of action. */
  public final String commandType;

  ActionKind(String commandType) {
    this.commandType = commandType;
  }

  /** Whether a caller may ask for it by command or {@code POST .../actions}. */
  public boolean requestable() {
    return this != WITHDRAWAL;
  }

  public static Optional<ActionKind> ofCommand(String type) {
    return Arrays.stream(values())
        .filter(kind -> kind.requestable() && kind.commandType.equals(type))
        .findFirst();
  }
}
