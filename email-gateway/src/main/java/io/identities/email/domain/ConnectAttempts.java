package io.identities.email.domain;

import io.identities.backbone.problem.ProblemException;
import io.identities.email.mail.MailConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How often an organization may try to connect an inbox ({@code email.mail.connect-attempts} per
 * {@code email.mail.connect-attempts-window}), counted in the database so every replica counts the
 * same attempts: each attempt logs in to servers the caller names, so it must not become a scanner
 * of hosts and ports. An attempt counts whether it connects or not.
 */
@ApplicationScoped
public class ConnectAttempts {

  private final EntityManager entityManager;
  private final MailConfig config;
  private final Clock clock;

  ConnectAttempts(EntityManager entityManager, MailConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.config = config;
    this.clock = clock;
  }

  /** Records an attempt of {@code orgId}, or refuses it with a 429 once the window is full. */
  public void attempt(String orgId) {
    Instant now = clock.instant();
    Instant since = now.minus(config.connectAttemptsWindow());
    Instant oldest =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // one count per organization at a time, across replicas
                  entityManager
                      .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                      .setParameter(1, "inbox-connect:" + orgId)
                      .getSingleResult();
                  entityManager
                      .createNativeQuery(
                          "delete from inbox_connect_attempt where org_id = ?1 and attempted_at < ?2")
                      .setParameter(1, orgId)
                      .setParameter(2, since)
                      .executeUpdate();
                  Object[] window =
                      (Object[])
                          entityManager
                              .createNativeQuery(
                                  "select count(*), min(attempted_at) from inbox_connect_attempt"
                                      + " where org_id = ?1")
                              .setParameter(1, orgId)
                              .getSingleResult();
                  if (((Number) window[0]).intValue() >= config.connectAttempts()) {
                    return (Instant) window[1];
                  }
                  entityManager
                      .createNativeQuery(
                          "insert into inbox_connect_attempt (org_id, attempted_at) values (?1, ?2)")
                      .setParameter(1, orgId)
                      .setParameter(2, now)
                      .executeUpdate();
                  return null;
                });
    if (oldest != null) {
      Duration wait = Duration.between(now, oldest.plus(config.connectAttemptsWindow()));
      throw ProblemException.tooManyRequests(
          "Your organization tried to connect inboxes "
              + config.connectAttempts()
              + " times in "
              + config.connectAttemptsWindow().toMinutes()
              + " minutes: try again in "
              + Math.max(1, wait.toSeconds())
              + " s",
          wait);
    }
  }
}
