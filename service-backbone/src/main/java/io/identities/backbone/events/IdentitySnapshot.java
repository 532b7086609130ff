package io.identities.backbone.events;

import io.identities.backbone.schedule.WorkingHours;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * What the other services replicate of an identity, carried whole by identity.created and
 * identity.updated so a replica never needs to ask identities-service.
 *
 * @param version the identity's version; a replica ignores a snapshot older than the one it holds
 */
@RegisterForReflection
public record IdentitySnapshot(
    UUID identityId,
    long version,
    String name,
    LinkedInSettings linkedin,
    EmailSettings email,
    WorkingHours workingHours) {

  /**
   * The identity's LinkedIn limits and withdrawal rule.
   *
   * @param dailyScrapings extra daily scrapings from the identity's Sales Navigator, or null
   * @param withdrawAfterDays with {@code autoWithdraw}, pending invitations older than this are
   *     withdrawn
   */
  @RegisterForReflection
  public record LinkedInSettings(
      int dailyConnectionRequests,
      int dailyMessages,
      Integer dailyScrapings,
      boolean autoWithdraw,
      int withdrawAfterDays) {}

  /** Per-inbox sending limits and the signature appended to every email. */
  @RegisterForReflection
  public record EmailSettings(
      int dailyLimitPerInbox,
      int hourlyLimitPerInbox,
      String signatureHtml,
      String signatureText) {}
}
