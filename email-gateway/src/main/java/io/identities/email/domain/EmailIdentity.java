package io.identities.email.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.IdentityReplica;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.schedule.WorkingHours.Interval;
import io.identities.backbone.schedule.WorkingWeekConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * An identity as the email gateway knows it, replicated from identity.* events: the per-inbox
 * limits, the signature appended to every email, and the working hours it sends in.
 */
@Entity
@Table(name = "email_identity")
public class EmailIdentity extends IdentityReplica {

  @Column(name = "daily_limit_per_inbox", nullable = false)
  public int dailyLimitPerInbox;

  @Column(name = "hourly_limit_per_inbox", nullable = false)
  public int hourlyLimitPerInbox;

  @Column(name = "signature_html")
  public String signatureHtml;

  @Column(name = "signature_text")
  public String signatureText;

  @Column(name = "time_zone", nullable = false)
  public String timeZone;

  @Convert(converter = WorkingWeekConverter.class)
  @Column(name = "working_week", nullable = false)
  public Map<DayOfWeek, List<Interval>> workingWeek;

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyLimitPerInbox = snapshot.email().dailyLimitPerInbox();
    hourlyLimitPerInbox = snapshot.email().hourlyLimitPerInbox();
    signatureHtml = snapshot.email().signatureHtml();
    signatureText = snapshot.email().signatureText();
    timeZone = snapshot.workingHours().timeZone();
    workingWeek = snapshot.workingHours().week();
  }

  public WorkingHours workingHours() {
    return new WorkingHours(timeZone, workingWeek);
  }
}
