package io.identities.email.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.ScheduledIdentityReplica;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An identity as the email gateway knows it, replicated from identity.* events: the per-inbox
 * limits, the signature appended to every email, and the working hours it sends in.
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

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyLimitPerInbox = snapshot.email().dailyLimitPerInbox();
    hourlyLimitPerInbox = snapshot.email().hourlyLimitPerInbox();
    signatureHtml = snapshot.email().signatureHtml();
    signatureText = snapshot.email().signatureText();
  }
}
