package io.identities.identity.api;

import io.identities.backbone.schedule.WorkingHours;
import io.identities.identity.domain.Identity;
import java.time.Instant;
import java.util.UUID;

/** An identity as the API shows it, configuration included; its version is also its ETag. */
public record IdentityView(
    UUID id,
    String name,
    String firstName,
    String lastName,
    String jobTitle,
    String email,
    String linkedinUrl,
    String meetingUrl,
    String phone,
    String pictureUrl,
    Channels channels,
    Warmup warmup,
    LinkedInSettingsView linkedinSettings,
    EmailSettingsView emailSettings,
    WorkingHours workingHours,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** What is connected: campaigns need a channel connected to run on it. */
  public record Channels(
      boolean linkedinConnected, boolean salesNavigator, boolean emailConnected) {}

  /** Its email warm-up (null when none was ever ordered): its state, and when it ends. */
  public record Warmup(String state, Instant endsAt) {}

  static IdentityView of(Identity identity) {
    return new IdentityView(
        identity.id,
        identity.name,
        identity.contact().firstName,
        identity.contact().lastName,
        identity.contact().jobTitle,
        identity.contact().email,
        identity.contact().linkedinUrl,
        identity.contact().meetingUrl,
        identity.contact().phone,
        identity.pictureSha256 == null ? null : "/api/identities/" + identity.id + "/picture",
        new Channels(identity.linkedinConnected, identity.salesNavigator, identity.emailConnected),
        identity.warmupState == null
            ? null
            : new Warmup(identity.warmupState, identity.warmupEndsAt),
        LinkedInSettingsView.of(identity),
        EmailSettingsView.of(identity),
        identity.workingHours(),
        identity.version,
        identity.createdAt,
        identity.updatedAt);
  }
}
