package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of the commands that ask linkedin-gateway to act for an identity. Each command's id is the
 * action's: the same id twice is one action. {@code person} is a LinkedIn profile URL ({@code
 * https://www.linkedin.com/in/<name>}) or a LinkedIn member id ({@code ACoA...}).
 */
public final class LinkedInCommands {

  private LinkedInCommands() {}

  /**
   * linkedin.invitation.send: invite a person to connect.
   *
   * @param note at most 300 characters, or null
   * @param allowWithoutNote when LinkedIn refuses the note (a free account's monthly quota of
   *     personalized invitations is used up), send the invitation without it instead of failing
   */
  @RegisterForReflection
  public record SendInvitation(
      UUID identityId, String person, String note, boolean allowWithoutNote) {}

  /** linkedin.message.send: message a 1st-degree connection. */
  @RegisterForReflection
  public record SendMessage(UUID identityId, String person, String text) {}

  /** linkedin.profile.visit: read a person's profile. */
  @RegisterForReflection
  public record VisitProfile(UUID identityId, String person) {}
}
