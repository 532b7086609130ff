package io.identities.warmup.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Who an inbox writes to on a day: other organizations' warming inboxes, never one of its own
 * organization or its own domain (mail between them proves nothing to a provider, and the peers'
 * worst complaint is warm-up among a customer's own mailboxes), with the service's seed pool added
 * when fewer than {@code minPartners} customers qualify. Partners it wrote to least this week come
 * first, then those that receive least today, so the pool's mail spreads evenly.
 */
public final class Pairing {

  /** An inbox of the pool. */
  public record Member(UUID inboxId, String orgId, String address, boolean seed) {

    String domain() {
      return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
  }

  private final List<Member> pool;
  private final Map<UUID, Integer> inbound = new HashMap<>();
  private final int minPartners;

  /**
   * @param pool every inbox that can receive warm-up mail now
   * @param inboundToday how many warm-up emails each is already due to receive today
   */
  public Pairing(List<Member> pool, Map<UUID, Integer> inboundToday, int minPartners) {
    this.pool = List.copyOf(pool);
    this.inbound.putAll(inboundToday);
    this.minPartners = minPartners;
  }

  /**
   * The recipients of {@code count} emails of {@code sender} (empty when nobody qualifies), given
   * how often it wrote to each this week; remembered as today's inbound for the next sender.
   */
  public List<Member> partnersOf(
      Member sender, int count, Map<UUID, Integer> pairedThisWeek, RandomGenerator random) {
    List<Member> eligible = new ArrayList<>();
    for (Member member : pool) {
      if (!member.inboxId().equals(sender.inboxId())
          && !member.orgId().equals(sender.orgId())
          && !member.domain().equals(sender.domain())) {
        eligible.add(member);
      }
    }
    if (eligible.stream().filter(member -> !member.seed()).count() >= minPartners) {
      eligible.removeIf(Member::seed);
    }
    if (eligible.isEmpty()) {
      return List.of();
    }
    record Candidate(Member member, int paired, int inbound, double tie) {}
    PriorityQueue<Candidate> queue =
        new PriorityQueue<>(
            Comparator.comparingInt(Candidate::paired)
                .thenComparingInt(Candidate::inbound)
                .thenComparingDouble(Candidate::tie));
    for (Member member : eligible) {
      queue.add(
          new Candidate(
              member,
              pairedThisWeek.getOrDefault(member.inboxId(), 0),
              inbound.getOrDefault(member.inboxId(), 0),
              random.nextDouble()));
    }
    List<Member> partners = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Candidate next = queue.poll();
      partners.add(next.member());
      inbound.merge(next.member().inboxId(), 1, Integer::sum);
      queue.add(
          new Candidate(next.member(), next.paired() + 1, next.inbound() + 1, random.nextDouble()));
    }
    return partners;
  }
}
