package io.identities.linkedin.domain;

import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedInConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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
 * burst of the platform's accounts at once.
 */
@ApplicationScoped
public class SessionHealth {

  private static final Logger LOG = Logger.getLogger(SessionHealth.class);
  private static final int BATCH = 200;
  private static final int CONCURRENT_CHECKS = 4;
  private static final long MAX_JITTER_MS = 2_000;

  private final OutboundProxies proxies;
  private final LinkedInConfig config;
  private final ConnectionService connections;
  private final TenantContext tenant;
  private final EntityManager entityManager;

  SessionHealth(
      OutboundProxies proxies,
      LinkedInConfig config,
      ConnectionService connections,
      TenantContext tenant,
      EntityManager entityManager) {
    this.proxies = proxies;
    this.config = config;
    this.connections = connections;
    this.tenant = tenant;
    this.entityManager = entityManager;
  }

  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void checkDueSessions() {
    checkSessionsNotCheckedFor(config.sessionCheckInterval(), MAX_JITTER_MS);
  }

  /** Checks the sessions last checked longer ago than {@code age}; returns how many. */
  public int checkSessionsNotCheckedFor(Duration age, long maxJitterMs) {
    List<Object[]> due = dueSessions(Instant.now().minus(age));
    ExecutorService checks = Executors.newFixedThreadPool(CONCURRENT_CHECKS);
    for (Object[] session : due) {
      checks.execute(() -> check((String) session[0], (UUID) session[1], maxJitterMs));
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

  private void check(String orgId, UUID identityId, long maxJitterMs) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      Thread.sleep(maxJitterMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxJitterMs));
      tenant.actFor(orgId);
      LinkedInIdentity known =
          QuarkusTransaction.requiringNew().call(() -> connections.identity(identityId));
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
