package io.identities.linkedin.actions;

import io.identities.linkedin.domain.LinkedInIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an identity's {@link Usage}: its slots of the last 7 days (with the invitations sent by
 * hand on LinkedIn, which LinkedIn's limits count too), its organization's pool.
 */
@ApplicationScoped
public class Usages {

  private final EntityManager entityManager;
  private final ScrapingPools pools;

  Usages(EntityManager entityManager, ScrapingPools pools) {
    this.entityManager = entityManager;
    this.pools = pools;
  }

  /**
   * @param drawingOnPool the caller may take a slot from the organization's scraping pool: the pool
   *     is locked for the rest of the transaction (an advisory lock on the organization), so two
   *     identities of one organization never both take its last scraping
   */
  public Usage of(LinkedInIdentity identity, Instant now, boolean drawingOnPool) {
    List<Usage.Reservation> reservations =
        entityManager
            .createQuery(
                "select a.kind, a.reservedAt, a.fromPool from Action a"
                    + " where a.identityId = :identity and a.reservedAt > :since",
                Object[].class)
            .setParameter("identity", identity.identityId)
            .setParameter("since", now.minus(Usage.WEEK))
            .getResultList()
            .stream()
            .map(
                row ->
                    new Usage.Reservation((ActionKind) row[0], (Instant) row[1], (Boolean) row[2]))
            .collect(Collectors.toCollection(ArrayList::new));
    entityManager // LinkedIn counts the invitations sent by hand on it too
        .createQuery(
            "select i.sentAt from Invitation i where i.identityId = :identity and i.sentByHand"
                + " and i.sentAt > :since",
            Instant.class)
        .setParameter("identity", identity.identityId)
        .setParameter("since", now.minus(Usage.WEEK))
        .getResultList()
        .forEach(
            sent -> reservations.add(new Usage.Reservation(ActionKind.INVITATION, sent, false)));
    int pool = 0;
    int poolSize = 0;
    if (identity.salesNavigator) {
      poolSize = pools.dailyScrapings(identity.orgId);
      if (drawingOnPool) {
        entityManager
            .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
            .setParameter(1, "scraping-pool:" + identity.orgId)
            .getSingleResult();
      }
      Instant utcDay =
          now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
      pool =
          ((Number)
                  entityManager
                      .createQuery(
                          "select count(a) from Action a where a.fromPool and a.reservedAt >= ?1")
                      .setParameter(1, utcDay)
                      .getSingleResult())
              .intValue();
    }
    return new Usage(now, Slots.zone(identity), reservations, pool, poolSize);
  }
}
