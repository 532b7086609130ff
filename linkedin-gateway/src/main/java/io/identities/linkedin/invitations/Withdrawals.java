package io.identities.linkedin.invitations;

import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.Action;
import io.identities.linkedin.actions.ActionKind;
import io.identities.linkedin.actions.ActionService;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Withdrawing pending invitations (spec "LinkedIn Settings → Withdrawals"): on request, listed or
 * older than some days, and automatically for identities with {@code autoWithdraw} on, once older
 * than their {@code withdrawAfterDays}. A withdrawal is an action of the account like the others:
 * inside its working hours, paced, under the daily withdrawal cap, whichever way it was asked for.
 * Its id follows from the invitation's, so asking twice (or a request and the automatic sweep, on
 * any instance) withdraws once.
 */
@ApplicationScoped
public class Withdrawals {

  private static final Logger LOG = Logger.getLogger(Withdrawals.class);

  /** The most invitations one request may name. */
  public static final int MOST_PER_REQUEST = 1000;

  private final ActionService actions;
  private final Clock clock;
  private final EntityManager entityManager;
  private final TenantContext tenant;

  Withdrawals(
      ActionService actions, Clock clock, EntityManager entityManager, TenantContext tenant) {
    this.actions = actions;
    this.clock = clock;
    this.entityManager = entityManager;
    this.tenant = tenant;
  }

  /** What a request came to, per invitation. */
  public record Requested(
      List<Withdrawing> withdrawing, List<AlreadyGone> alreadyGone, List<Refused> refused) {}

  /** Its withdrawal is queued (or done already): the action to follow, and its slot. */
  public record Withdrawing(UUID invitationId, UUID actionId, String status, Instant notBefore) {}

  /** No longer pending: accepted, withdrawn, or gone from LinkedIn. */
  public record AlreadyGone(UUID invitationId, InvitationStatus status) {}

  public record Refused(UUID invitationId, String reason) {}

  /** Withdraws the named invitations, or (with {@code olderThanDays}) those pending that long. */
  @Transactional
  public Requested request(UUID identityId, List<UUID> invitationIds, Integer olderThanDays) {
    if ((invitationIds == null) == (olderThanDays == null)) {
      throw ProblemException.invalidField(
          "invitationIds", "give either invitationIds or olderThanDays");
    }
    if (invitationIds != null && invitationIds.size() > MOST_PER_REQUEST) {
      throw ProblemException.invalidField(
          "invitationIds", "at most " + MOST_PER_REQUEST + " in one request");
    }
    if (olderThanDays != null && (olderThanDays < 0 || olderThanDays > 365)) {
      throw ProblemException.invalidField("olderThanDays", "must be from 0 to 365");
    }
    LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
        .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
    Requested requested = new Requested(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (olderThanDays != null) {
      Invitation.<Invitation>list(
              "identityId = ?1 and status = ?2 and sentAt < ?3 order by sentAt",
              identityId,
              InvitationStatus.PENDING,
              clock.instant().minus(Duration.ofDays(olderThanDays)))
          .forEach(invitation -> requested.withdrawing().add(withdraw(invitation)));
      return requested;
    }
    for (UUID id : invitationIds.stream().distinct().toList()) {
      Invitation invitation =
          id == null
              ? null
              : Invitation.<Invitation>find("id = ?1 and identityId = ?2", id, identityId)
                  .firstResult();
      if (invitation == null) {
        requested.refused().add(new Refused(id, "the identity has no such invitation"));
      } else if (invitation.status != InvitationStatus.PENDING) {
        requested.alreadyGone().add(new AlreadyGone(id, invitation.status));
      } else {
        requested.withdrawing().add(withdraw(invitation));
      }
    }
    return requested;
  }

  /**
   * The automatic sweep: queues the withdrawal of every invitation pending longer than its
   * identity's {@code withdrawAfterDays}, for identities with {@code autoWithdraw} on. One instance
   * sweeps at a time (an advisory lock); the others skip the round.
   */
  @Scheduled(
      every = "${linkedin.actions.auto-withdrawal-tick:15m}",
      delayed = "${linkedin.actions.auto-withdrawal-tick:15m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @ActivateRequestContext
  void sweep() {
    for (Object[] due : dueForAutomaticWithdrawal()) {
      tenant.actFor((String) due[1]);
      try {
        QuarkusTransaction.requiringNew()
            .run(() -> withdraw(Invitation.<Invitation>findById((UUID) due[0])));
      } catch (RuntimeException e) { // queued meanwhile by a request: the same id, once
        LOG.debugf("withdrawal of %s not queued by the sweep: %s", due[0], e.toString());
      }
    }
  }

  /** Across organizations: the platform's own housekeeping. */
  @SuppressWarnings("unchecked")
  private List<Object[]> dueForAutomaticWithdrawal() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              boolean sweeping =
                  (Boolean)
                      entityManager
                          .createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                          .setParameter(1, "linkedin-auto-withdrawal")
                          .getSingleResult();
              if (!sweeping) {
                return List.of();
              }
              return entityManager
                  .createNativeQuery(
                      "select i.id, i.org_id from linkedin_invitation i"
                          + " join linkedin_identity l on l.identity_id = i.identity_id"
                          + " where l.auto_withdraw and i.status = 'PENDING'"
                          + " and i.sent_at < cast(?1 as timestamptz) - make_interval(days => l.withdraw_after_days)"
                          + " and not exists (select 1 from linkedin_action a"
                          + " where a.invitation_id = i.id) limit 1000")
                  .setParameter(1, clock.instant())
                  .getResultList();
            });
  }

  private Withdrawing withdraw(Invitation invitation) {
    Action action =
        actions
            .enqueue(
                actionIdFor(invitation.id),
                new ActionService.Request(
                    invitation.identityId,
                    ActionKind.WITHDRAWAL,
                    invitation.profileUrl() != null ? invitation.profileUrl() : invitation.memberId,
                    null,
                    false,
                    null,
                    invitation.id))
            .action();
    return new Withdrawing(invitation.id, action.id, action.status.name(), action.notBefore);
  }

  /** The withdrawal of an invitation has an id of its own, the same every time. */
  static UUID actionIdFor(UUID invitationId) {
    return UUID.nameUUIDFromBytes(("withdrawal:" + invitationId).getBytes(StandardCharsets.UTF_8));
  }
}
