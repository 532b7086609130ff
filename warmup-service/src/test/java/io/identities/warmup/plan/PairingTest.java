package io.identities.warmup.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.warmup.plan.Pairing.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PairingTest {

  private final Member sender = member("org-a", "ada@alpha.example", false);
  private final Member sameOrganization = member("org-a", "alan@other.example", false);
  private final Member sameDomain = member("org-b", "eve@ALPHA.example", false);
  private final Member seed = member("seeds", "seed@seed.example", true);

  @Test
  void shouldNeverPairWithinAnOrganizationOrADomainAndUseSeedsOnlyWhenThePoolIsThin() {
    List<Member> customers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      customers.add(member("org-" + i, "c" + i + "@c" + i + ".example", false));
    }
    List<Member> pool = new ArrayList<>(customers);
    pool.addAll(List.of(sender, sameOrganization, sameDomain, seed));

    List<Member> thin =
        new Pairing(pool, Map.of(), 5).partnersOf(sender, 40, Map.of(), new SplittableRandom(3));
    assertEquals(40, thin.size());
    assertFalse(
        thin.contains(sender) || thin.contains(sameOrganization) || thin.contains(sameDomain));
    assertTrue(thin.contains(seed), "3 customers are fewer than 5: the seed pool joins");

    List<Member> enough =
        new Pairing(pool, Map.of(), 3).partnersOf(sender, 40, Map.of(), new SplittableRandom(3));
    assertFalse(enough.contains(seed), "3 customers are enough: no seeds");
    assertEquals(
        List.of(),
        new Pairing(List.of(sender, sameDomain), Map.of(), 1)
            .partnersOf(sender, 5, Map.of(), new SplittableRandom(3)));
  }

  @Test
  void shouldSpreadMailEvenlyFavouringPartnersWrittenToLeastThisWeekAndReceivingLeastToday() {
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pool.add(member("org-" + i, "c" + i + "@c" + i + ".example", false));
    }
    Map<UUID, Integer> pairedThisWeek = new HashMap<>();
    pairedThisWeek.put(pool.get(0).inboxId(), 5);
    Map<UUID, Integer> inboundToday = Map.of(pool.get(1).inboxId(), 3);
    Pairing pairing = new Pairing(pool, inboundToday, 1);

    Map<Member, Long> counts =
        pairing.partnersOf(sender, 20, pairedThisWeek, new SplittableRandom(7)).stream()
            .collect(Collectors.groupingBy(m -> m, Collectors.counting()));
    assertFalse(counts.containsKey(pool.get(0)), "written to 5 times this week: others first");
    for (int i = 2; i < 10; i++) {
      assertTrue(counts.get(pool.get(i)) >= 2, "evenly spread: " + counts);
    }

    Member other = member("org-x", "x@x.example", false);
    Map<Member, Long> next =
        pairing.partnersOf(other, 10, Map.of(), new SplittableRandom(7)).stream()
            .collect(Collectors.groupingBy(m -> m, Collectors.counting()));
    assertTrue(next.containsKey(pool.get(0)), "the next sender writes to who received least today");
  }

  private static Member member(String org, String address, boolean seed) {
    return new Member(UUID.randomUUID(), org, address, seed);
  }
}
