package io.identities.warmup.plan;

import io.identities.backbone.tenant.OrganizationTenantResolver;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.plan.Pairing.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The warm-up pool, across organizations (the planner's own housekeeping): the connected inboxes of
 * running warm-ups, and those of the seed organizations.
 */
@ApplicationScoped
public class Pool {

  private static final String MEMBERS =
      "select i.inbox_id, i.org_id, i.address, i.org_id in (:seeds) from warmup_inbox i"
          + " where i.status = 'CONNECTED' and i.refused_at is null and (i.org_id in (:seeds) or exists (select 1 from"
          + " warmup_order o where o.identity_id = i.identity_id and o.state = 'WARMING'))";

  private final EntityManager entityManager;
  private final List<String> seeds;

  Pool(EntityManager entityManager, WarmupConfig config) {
    this.entityManager = entityManager;
    // never empty, for "in (...)": no organization is called that
    this.seeds =
        config
            .seedOrganizations()
            .filter(list -> !list.isEmpty())
            .orElse(List.of(OrganizationTenantResolver.NO_ORGANIZATION));
  }

  /** Every inbox that can receive warm-up mail now. */
  public List<Member> members() {
    return members(entityManager.createNativeQuery(MEMBERS).setParameter("seeds", seeds));
  }

  /** The seed pool's inboxes that can receive (and answer) warm-up mail now. */
  public List<Member> seeds() {
    return members(
        entityManager
            .createNativeQuery(MEMBERS + " and i.org_id in (:seeds)")
            .setParameter("seeds", seeds));
  }

  /** The inbox, while it can receive warm-up mail. */
  public Optional<Member> member(UUID inboxId) {
    return members(
            entityManager
                .createNativeQuery(MEMBERS + " and i.inbox_id = :inbox")
                .setParameter("seeds", seeds)
                .setParameter("inbox", inboxId))
        .stream()
        .findFirst();
  }

  /** Takes the address out of the pool: its server refused warm-up mail for good. */
  public void refused(UUID inboxId, String reason, Instant at) {
    entityManager
        .createNativeQuery(
            "update warmup_inbox set refused_at = ?2, refused_reason = ?3 where inbox_id = ?1")
        .setParameter(1, inboxId)
        .setParameter(2, at)
        .setParameter(3, reason)
        .executeUpdate();
  }

  /** How many warm-up emails the sender was due to send each partner since {@code since}. */
  public Map<UUID, Integer> pairedSince(UUID sender, Instant since) {
    return counts(
        entityManager
            .createNativeQuery(
                "select recipient_inbox_id, count(*) from warmup_email where sender_inbox_id = ?1"
                    + " and due_at >= ?2 group by recipient_inbox_id")
            .setParameter(1, sender)
            .setParameter(2, since));
  }

  /** How many warm-up emails each inbox is due to receive between the two moments. */
  public Map<UUID, Integer> inboundBetween(Instant from, Instant to) {
    return counts(
        entityManager
            .createNativeQuery(
                "select recipient_inbox_id, count(*) from warmup_email where due_at >= ?1"
                    + " and due_at < ?2 group by recipient_inbox_id")
            .setParameter(1, from)
            .setParameter(2, to));
  }

  @SuppressWarnings("unchecked")
  private static List<Member> members(jakarta.persistence.Query query) {
    List<Member> members = new ArrayList<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      members.add(new Member((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3]));
    }
    return members;
  }

  @SuppressWarnings("unchecked")
  private static Map<UUID, Integer> counts(jakarta.persistence.Query query) {
    Map<UUID, Integer> counts = new HashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      counts.put((UUID) row[0], ((Number) row[1]).intValue());
    }
    return counts;
  }
}
