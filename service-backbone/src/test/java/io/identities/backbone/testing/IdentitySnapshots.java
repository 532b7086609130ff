package io.identities.backbone.testing;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.schedule.WorkingHours;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Snapshots as identities-service publishes them, for tests of the services that replicate them.
 */
public final class IdentitySnapshots {

  private IdentitySnapshots() {}

  /** An identity with the product's default settings. */
  public static IdentitySnapshot of(UUID id, long version, String name) {
    return withLimits(id, version, name, 20, 100);
  }

  public static IdentitySnapshot withLimits(
      UUID id, long version, String name, int dailyConnectionRequests, int dailyMessages) {
    return new IdentitySnapshot(
        id,
        version,
        name,
        new IdentitySnapshot.LinkedInSettings(
            dailyConnectionRequests, dailyMessages, null, false, 7),
        new IdentitySnapshot.EmailSettings(30, 5, null, null),
        WorkingHours.standard("UTC"));
  }

  /** An identity with the given email limits, signature and working hours. */
  public static IdentitySnapshot withEmail(
      UUID id,
      long version,
      String name,
      IdentitySnapshot.EmailSettings email,
      WorkingHours workingHours) {
    IdentitySnapshot defaults = of(id, version, name);
    return new IdentitySnapshot(id, version, name, defaults.linkedin(), email, workingHours);
  }

  /** Active every hour of every day in {@code timeZone}. */
  public static WorkingHours alwaysWorking(String timeZone) {
    Map<DayOfWeek, List<WorkingHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(new WorkingHours.Interval("00:00", WorkingHours.Interval.END_OF_DAY)));
    }
    return new WorkingHours(timeZone, week);
  }
}
