package io.identities.email.sending;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.LeadErrored;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxEvents.InboxChanged;
import io.identities.email.domain.InboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Leads and the inbox their sequence started on (spec "Warning"): when that inbox stops sending,
 * the lead errors (email.lead.errored) and its emails are held, never lost; connecting the inbox
 * again, or moving the lead to another inbox of the identity, resolves it (email.lead.resolved) and
 * the held emails go out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Leads {

  private final Outbox outbox;
  private final TenantContext tenant;
  private final Clock clock;

  Leads(Outbox outbox, TenantContext tenant, Clock clock) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.clock = clock;
  }

  /** Holds a send whose lead's inbox cannot send, erroring the lead the first time. */
  void hold(Send send, LeadAssignment assignment, Inbox inbox) {
    String reason = "the inbox " + inbox.address + " its sequence started on is " + describe(inbox);
    send.hold(reason);
    error(assignment, reason);
  }

  void inboxChanged(@Observes InboxChanged changed) {
    Inbox inbox = changed.inbox();
    List<LeadAssignment> assigned = LeadAssignment.list("inboxId", inbox.id);
    if (inbox.status == InboxStatus.CONNECTED) {
      assigned.forEach(this::resolve);
      Send.releaseHeld(inbox.identityId, clock.instant());
    } else {
      String reason =
          "the inbox " + inbox.address + " its sequence started on is " + describe(inbox);
      for (LeadAssignment assignment : assigned) {
        error(assignment, reason);
      }
      Send.update(
          "status = ?1, statusReason = ?2 where status = ?3 and identityId = ?4 and leadId in"
              + " (select a.leadId from LeadAssignment a where a.inboxId = ?5)",
          SendStatus.HELD,
          reason,
          SendStatus.QUEUED,
          inbox.identityId,
          inbox.id);
    }
  }

  /** Moves an errored lead to another connected inbox of its identity; its held emails go out. */
  public LeadAssignment move(UUID identityId, UUID leadId, UUID inboxId) {
    LeadAssignment assignment =
        LeadAssignment.of(identityId, leadId)
            .orElseThrow(() -> ProblemException.notFound("Lead", leadId));
    Inbox inbox =
        Inbox.<Inbox>find("id = ?1 and identityId = ?2", inboxId, identityId)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("Inbox", inboxId));
    if (inbox.status != InboxStatus.CONNECTED) {
      throw ProblemException.conflict(
          "the inbox " + inbox.address + " is " + describe(inbox) + ": it cannot take leads");
    }
    assignment.inboxId = inbox.id;
    resolve(assignment);
    Send.releaseHeld(identityId, clock.instant());
    return assignment;
  }

  private void error(LeadAssignment assignment, String reason) {
    if (assignment.erroredReason != null) {
      return;
    }
    assignment.erroredReason = reason;
    outbox.publishEvent(
        EventTypes.EMAIL_LEAD_ERRORED,
        tenant.orgId(),
        assignment.leadId,
        new LeadErrored(assignment.identityId, assignment.leadId, assignment.inboxId, reason));
  }

  /** The lead can be written to again (its inbox is back, or it moved to another). */
  private void resolve(LeadAssignment assignment) {
    if (assignment.erroredReason == null) {
      return;
    }
    assignment.erroredReason = null;
    outbox.publishEvent(
        EventTypes.EMAIL_LEAD_RESOLVED,
        tenant.orgId(),
        assignment.leadId,
        new LeadErrored(assignment.identityId, assignment.leadId, assignment.inboxId, null));
  }

  private static String describe(Inbox inbox) {
    return inbox.status == InboxStatus.PAUSED
        ? "paused (" + inbox.statusReason + ")"
        : inbox.status.name().toLowerCase();
  }
}
