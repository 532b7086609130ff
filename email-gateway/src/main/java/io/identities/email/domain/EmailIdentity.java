package io.identities.email.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.ScheduledIdentityReplica;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An identity as the email gateway knows it, replicated from identity.* events: the per-inbox
 * limits, the signature appended to every email, and the working hours it sends in; and, from
 * warmup.* events, whether its inboxes are warming up.
 */
@Entity
@Table(name = "email_identity")
public class EmailIdentity extends ScheduledIdentityReplica {

  @Column(name = "daily_limit_per_inbox", nullable = false)
  public int dailyLimitPerInbox;

  @Column(name = "hourly_limit_per_inbox", nullable = false)
  public int hourlyLimitPerInbox;

  @Column(name = "signature_html")
  public String signatureHtml;

  @Column(name = "signature_text")
  public String signatureText;

  /** Its inboxes are warming up: its campaign sends are held until the warm-up ends. */
  @Column(name = "warming_up", nullable = false)
  public boolean warmingUp;

  /** When the warm-up last changed (warmup-service's time): older news is ignored. */
  @Column(name = "warmup_changed_at")
  public Instant warmupChangedAt;

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyLimitPerInbox = snapshot.email().dailyLimitPerInbox();
    hourlyLimitPerInbox = snapshot.email().hourlyLimitPerInbox();
    signatureHtml = snapshot.email().signatureHtml();
    signatureText = snapshot.email().signatureText();
  }
}
