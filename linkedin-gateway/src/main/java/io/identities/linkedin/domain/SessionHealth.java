package io.identities.linkedin.domain;

import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.schedule.Leases;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedInConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Checks connected LinkedIn sessions against LinkedIn: a session LinkedIn no longer accepts
 * (expired, revoked, logged out elsewhere) becomes disconnected and linkedin.session.disconnected
 * is published. Checks are spread with jitter and run a few at a time, so LinkedIn never sees a
 * burst of the platform's accounts at once. One replica checks a session at a time (its check is
 * leased), so more replicas do not check more.
 */
@ApplicationScoped
public class SessionHealth {

  private static final Logger LOG = Logger.getLogger(SessionHealth.class);
  private static final int BATCH = 200;
  private static final int CONCURRENT_CHECKS = 4;
  private static final long MAX_JITTER_MS = 2_000;

  /**
   * The lease of a session's check: one replica checks it at a time, and a replica that stops
   * mid-check leaves it to the others after this long.
   */
  static final String CHECK = "linkedin.session.check";

  private static final Duration CHECK_LEASE = Duration.ofMinutes(10);

  private final OutboundProxies proxies;
  private final LinkedInConfig config;
  private final ConnectionService connections;
  private final TenantContext tenant;
  private final EntityManager entityManager;
  private final Leases leases;

  SessionHealth(
      OutboundProxies proxies,
      LinkedInConfig config,
      ConnectionService connections,
      TenantContext tenant,
      EntityManager entityManager,
      Leases leases) {
    this.proxies = proxies;
    this.config = config;
    this.connections = connections;
    this.tenant = tenant;
    this.entityManager = entityManager;
    this.leases = leases;
  }

  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void checkDueSessions() {
    checkSessionsNotCheckedFor(config.sessionCheckInterval(), MAX_JITTER_MS);
  }

  /**
   * Checks the sessions last checked longer ago than {@code age} that no other replica is checking;
   * returns how many were due.
   */
  @ActivateRequestContext // called from any thread (a test's replicas)
  public int checkSessionsNotCheckedFor(Duration age, long maxJitterMs) {
    Instant checkedBefore = Instant.now().minus(age);
    List<Object[]> due = dueSessions(checkedBefore);
    ExecutorService checks = Executors.newFixedThreadPool(CONCURRENT_CHECKS);
    for (Object[] session : due) {
      UUID identityId = (UUID) session[1];
      checks.execute(
          () -> {
            if (leases.take(CHECK, identityId, CHECK_LEASE)) {
              try {
                check((String) session[0], identityId, checkedBefore, maxJitterMs);
              } finally {
                leases.release(CHECK, identityId); // its last check tells when the next is due
              }
            }
          });
    }
    checks.shutdown();
    try {
      checks.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return due.size();
  }

  /** Across organizations: this is the platform's own housekeeping, not a tenant's query. */
  @SuppressWarnings("unchecked")
  private List<Object[]> dueSessions(Instant checkedBefore) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select org_id, identity_id from linkedin_identity where status = 'CONNECTED'"
                            + " and (last_checked_at is null or last_checked_at < ?1)"
                            + " order by last_checked_at nulls first limit "
                            + BATCH)
                    .setParameter(1, checkedBefore)
                    .getResultList());
  }

  private void check(String orgId, UUID identityId, Instant checkedBefore, long maxJitterMs) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      Thread.sleep(maxJitterMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxJitterMs));
      tenant.actFor(orgId);
      LinkedInIdentity known =
          QuarkusTransaction.requiringNew().call(() -> connections.identity(identityId));
      if (known.lastCheckedAt != null && !known.lastCheckedAt.isBefore(checkedBefore)) {
        return; // another replica checked it since it was found due
      }
      LinkedIn.Session session = connections.session(known);
      boolean alive;
      try {
        alive = proxies.linkedInFor(known).profile(session) != null;
      } catch (LinkedIn.SessionExpiredException e) {
        alive = false;
      }
      boolean accepted = alive;
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                LinkedInIdentity identity = connections.identity(identityId);
                if (identity.status != SessionStatus.CONNECTED) {
                  return; // disconnected meanwhile
                }
                if (accepted) {
                  identity.lastCheckedAt = Instant.now();
                } else {
                  connections.end(identity, LinkedInSessionDisconnected.EXPIRED);
                }
              });
    } catch (LinkedIn.UnavailableException e) {
      LOG.debugf("LinkedIn unavailable; session of %s checked next time", identityId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warnf("checking the LinkedIn session of %s failed: %s", identityId, e.toString());
    } finally {
      requestContext.terminate();
    }
  }
}
