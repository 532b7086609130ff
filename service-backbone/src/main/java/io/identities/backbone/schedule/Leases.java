package io.identities.backbone.schedule;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Shares a service's periodic work on many items (an inbox to read, a session to check) among its
 * replicas, in the database they share: a replica does an item's work only once it has taken the
 * item's lease, and a lease taken is not taken again, by this replica or another, before it runs
 * out. So N replicas do each item's work once per period, and the items of a replica that stopped
 * are taken over when their leases run out. Times are the database's, the one clock all replicas
 * share.
 */
@ApplicationScoped
public class Leases {

  private final EntityManager entityManager;
  private final String holder;

  @Inject
  Leases(EntityManager entityManager) {
    this(
        entityManager,
        Optional.ofNullable(System.getenv("HOSTNAME")).orElse("replica")
            + "-"
            + ProcessHandle.current().pid());
  }

  /** This replica's leases held as {@code holder} (a name that says which replica holds one). */
  public Leases(EntityManager entityManager, String holder) {
    this.entityManager = entityManager;
    this.holder = holder;
  }

  /**
   * Takes the lease of {@code work} on {@code item} for {@code period}, in a transaction of its
   * own: true when it was free (never taken, or run out), false when a replica (this one included)
   * holds it.
   */
  public boolean take(String work, UUID item, Duration period) {
    return upsert(work, item, period, "lease.held_until <= now()");
  }

  /**
   * Holds the lease of {@code work} on {@code item} for {@code period} from now, taking it when
   * free and extending it when this replica holds it already: false when another replica holds it.
   */
  public boolean hold(String work, UUID item, Duration period) {
    return upsert(
        work, item, period, "lease.held_until <= now() or lease.holder = excluded.holder");
  }

  /** The lease written as this replica's until {@code period} from now, where {@code free}. */
  private boolean upsert(String work, UUID item, Duration period, String free) {
    return inTransaction(
            () ->
                entityManager
                    .createNativeQuery(
                        "insert into lease (work, item, holder, held_until)"
                            + " values (?1, ?2, ?3, now() + make_interval(secs => ?4))"
                            + " on conflict (work, item) do update set holder = excluded.holder,"
                            + " held_until = excluded.held_until where "
                            + free)
                    .setParameter(1, work)
                    .setParameter(2, item)
                    .setParameter(3, holder)
                    .setParameter(4, period.toMillis() / 1000.0)
                    .executeUpdate())
        == 1;
  }

  /** How many items of {@code work} are held now, by any replica. */
  public int held(String work) {
    return inTransaction(
        () ->
            ((Number)
                    entityManager
                        .createNativeQuery(
                            "select count(*) from lease where work = ?1 and held_until > now()")
                        .setParameter(1, work)
                        .getSingleResult())
                .intValue());
  }

  /**
   * Gives back this replica's lease of {@code work} on {@code item} before it runs out, for work
   * whose next time is told by something else (a session's last check).
   */
  public void release(String work, UUID item) {
    inTransaction(
        () ->
            entityManager
                .createNativeQuery(
                    "delete from lease where work = ?1 and item = ?2 and holder = ?3")
                .setParameter(1, work)
                .setParameter(2, item)
                .setParameter(3, holder)
                .executeUpdate());
  }

  /** Forgets the leases that ran out a day ago: their items are gone (an inbox removed). */
  @Scheduled(every = "1h", delayed = "10m")
  void forgetOld() {
    inTransaction(
        () ->
            entityManager
                .createNativeQuery("delete from lease where held_until < now() - interval '1 day'")
                .executeUpdate());
  }

  /**
   * Runs {@code statement} in a transaction of its own, in a request context (which Hibernate's
   * multi-tenancy asks for; a lease belongs to no organization) if the caller's thread has none.
   */
  private int inTransaction(Supplier<Integer> statement) {
    ManagedContext context = Arc.container().requestContext();
    if (context.isActive()) {
      return QuarkusTransaction.requiringNew().call(statement::get);
    }
    context.activate();
    try {
      return QuarkusTransaction.requiringNew().call(statement::get);
    } finally {
      context.terminate();
    }
  }
}
