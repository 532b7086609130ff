package io.identities.linkedin.invitations;

import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.ActionsConfig;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.OutboundProxies;
import io.identities.linkedin.domain.SessionStatus;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedIn.NewConnection;
import io.identities.linkedin.linkedin.LinkedIn.SentInvitation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Compares each connected account's invitations with LinkedIn's, every {@link
 * ActionsConfig#invitationCheckInterval()} or so (varied by a fifth, so accounts are not all
 * checked at once): LinkedIn's sent-invitations list adds the invitations sent by hand and tells
 * the shared secrets withdrawals need; an invitation that left the list is accepted when the person
 * is among the account's recently added connections ({@code linkedin.invitation.accepted}, once),
 * else gone (withdrawn by hand, or declined).
 *
 * <p>With any number of instances each account is checked once a round: an instance claims the
 * accounts due by moving their next check on ({@code FOR UPDATE SKIP LOCKED}), and checks only
 * those; a stopped instance's accounts come due again at their next check.
 */
@ApplicationScoped
public class InvitationSync {

  private static final Logger LOG = Logger.getLogger(InvitationSync.class);
  private static final int BATCH = 50;
  private static final int CONCURRENT_CHECKS = 4;

  /** LinkedIn's list may not show an invitation at once: it is not taken as gone before this. */
  private static final Duration JUST_SENT = Duration.ofMinutes(10);

  private final EntityManager entityManager;
  private final Clock clock;
  private final TenantContext tenant;
  private final ActionsConfig config;
  private final ConnectionService connections;
  private final OutboundProxies proxies;
  private final Invitations invitations;

  InvitationSync(
      EntityManager entityManager,
      Clock clock,
      TenantContext tenant,
      ActionsConfig config,
      ConnectionService connections,
      OutboundProxies proxies,
      Invitations invitations) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.tenant = tenant;
    this.config = config;
    this.connections = connections;
    this.proxies = proxies;
    this.invitations = invitations;
  }

  @Scheduled(
      every = "${linkedin.actions.invitation-check-tick:1m}",
      delayed = "${linkedin.actions.invitation-check-tick:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void checkDue() {
    List<Object[]> claimed = claimDueAccounts();
    ExecutorService checks = Executors.newFixedThreadPool(CONCURRENT_CHECKS);
    for (Object[] account : claimed) {
      checks.execute(() -> check((String) account[1], (UUID) account[0]));
    }
    checks.shutdown();
    try {
      checks.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Across organizations: the platform's own housekeeping, not a tenant's query. */
  @SuppressWarnings("unchecked")
  private List<Object[]> claimDueAccounts() {
    Instant now = clock.instant();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Object[]> due =
                  entityManager
                      .createNativeQuery(
                          "select identity_id, org_id from linkedin_identity"
                              + " where status = 'CONNECTED' and restricted_at is null"
                              + " and (throttled_until is null or throttled_until <= ?1)"
                              + " and (invitations_checked_at is null or invitations_checked_at <= ?1)"
                              + " order by invitations_checked_at nulls first limit "
                              + BATCH
                              + " for update skip locked")
                      .setParameter(1, now)
                      .getResultList();
              for (Object[] account : due) {
                entityManager
                    .createNativeQuery(
                        "update linkedin_identity set invitations_checked_at = ?1"
                            + " where identity_id = ?2")
                    .setParameter(1, now.plus(nextInterval()))
                    .setParameter(2, account[0])
                    .executeUpdate();
              }
              return due;
            });
  }

  private Duration nextInterval() {
    long interval = config.invitationCheckInterval().toMillis();
    return Duration.ofMillis(
        (long) (interval * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
  }

  private void check(String orgId, UUID identityId) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      tenant.actFor(orgId);
      check(identityId);
    } catch (LinkedIn.SessionExpiredException e) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                LinkedInIdentity identity = LinkedInIdentity.findById(identityId);
                if (identity != null && identity.status == SessionStatus.CONNECTED) {
                  connections.end(identity, LinkedInSessionDisconnected.EXPIRED);
                }
              });
    } catch (LinkedIn.UnavailableException
        | LinkedIn.ThrottledException
        | LinkedIn.RestrictedException e) {
      LOG.debugf("invitations of %s checked next time: %s", identityId, e.toString());
    } catch (RuntimeException e) {
      LOG.warnf("checking the invitations of %s failed: %s", identityId, e.toString());
    } finally {
      requestContext.terminate();
    }
  }

  /** Compares the account's invitations with LinkedIn's now; asks LinkedIn outside transactions. */
  private void check(UUID identityId) {
    record Account(LinkedIn linkedIn, LinkedIn.Session session) {}
    Account account =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  LinkedInIdentity identity = connections.identity(identityId);
                  return new Account(proxies.linkedInFor(identity), connections.session(identity));
                });
    List<SentInvitation> pending = account.linkedIn().sentInvitations(account.session());
    Set<String> listed =
        pending.stream().map(SentInvitation::invitationId).collect(Collectors.toSet());
    List<Invitation> left =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Invitation.<Invitation>list(
                            "identityId = ?1 and status = ?2", identityId, InvitationStatus.PENDING)
                        .stream()
                        .filter(invitation -> !listed.contains(invitation.linkedInId))
                        .toList());
    List<NewConnection> connected =
        left.isEmpty()
            ? List.of()
            : account
                .linkedIn()
                .connectionsSince(
                    account.session(),
                    left.stream()
                        .map(i -> i.sentAt.minus(JUST_SENT)) // clocks differ a little
                        .min(Instant::compareTo)
                        .orElseThrow());
    QuarkusTransaction.requiringNew().run(() -> reconcile(identityId, pending, left, connected));
  }

  private void reconcile(
      UUID identityId,
      List<SentInvitation> pending,
      List<Invitation> left,
      List<NewConnection> connected) {
    for (SentInvitation seen : pending) {
      Invitation known =
          Invitation.<Invitation>find(
                  "identityId = ?1 and linkedInId = ?2", identityId, seen.invitationId())
              .firstResultOptional()
              .orElse(null);
      if (known == null) {
        invitations.seenOnLinkedIn(identityId, seen);
      } else if (known.sharedSecret == null) {
        known.sharedSecret = seen.sharedSecret();
      }
    }
    Map<String, Instant> connectedAt = new HashMap<>();
    connected.forEach(c -> connectedAt.put(c.memberId(), c.connectedAt()));
    Instant listedBefore = clock.instant().minus(JUST_SENT);
    for (Invitation notListed : left) {
      Invitation invitation = Invitation.findById(notListed.id, LockModeType.PESSIMISTIC_WRITE);
      Instant accepted = invitation.memberId == null ? null : connectedAt.get(invitation.memberId);
      if (accepted != null) {
        invitations.accepted(invitation, accepted);
      } else if (invitation.sentAt.isBefore(listedBefore)) {
        invitations.gone(invitation.id); // not just sent and not yet listed: left the list
      }
    }
  }
}
