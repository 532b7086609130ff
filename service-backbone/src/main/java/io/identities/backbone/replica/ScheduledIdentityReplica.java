package io.identities.backbone.replica;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.schedule.WorkingHours.Interval;
import io.identities.backbone.schedule.WorkingWeekConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * A replica that also keeps the identity's working hours (columns {@code time_zone} and {@code
 * working_week}), for the services that act for it only inside them.
 */
@MappedSuperclass
public abstract class ScheduledIdentityReplica extends IdentityReplica {

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @Convert(converter = WorkingWeekConverter.class)
  @Column(name = "working_week", nullable = false)
  public Map<DayOfWeek, List<Interval>> workingWeek;

  public WorkingHours workingHours() {
    return new WorkingHours(timeZone, workingWeek);
  }

  @Override
  void apply(IdentitySnapshot snapshot) {
    timeZone = snapshot.workingHours().timeZone();
    workingWeek = snapshot.workingHours().week();
    super.apply(snapshot);
  }
}
