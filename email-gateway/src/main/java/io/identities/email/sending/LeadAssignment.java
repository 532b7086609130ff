package io.identities.email.sending;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The inbox a lead's sequence started on: every later email to the lead goes from it. */
@Entity
@Table(name = "lead_assignment")
public class LeadAssignment extends PanacheEntityBase {

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Column(name = "lead_id", nullable = false)
  public UUID leadId;

  @Column(name = "inbox_id", nullable = false)
  public UUID inboxId;

  /** Why the lead cannot be written to (its inbox was disconnected); null when fine. */
  @Column(name = "errored_reason")
  public String erroredReason;

  @Column(name = "assigned_at", nullable = false)
  public Instant assignedAt;

  static Optional<LeadAssignment> of(UUID identityId, UUID leadId) {
    return find("identityId = ?1 and leadId = ?2", identityId, leadId).firstResultOptional();
  }

  static LeadAssignment assign(UUID identityId, UUID leadId, UUID inboxId, Instant at) {
    LeadAssignment assignment = new LeadAssignment();
    assignment.id = UUID.randomUUID();
    assignment.identityId = identityId;
    assignment.leadId = leadId;
    assignment.inboxId = inboxId;
    assignment.assignedAt = at;
    assignment.persist();
    return assignment;
  }
}
