package io.identities.simulator.linkedin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everyone on the simulated LinkedIn, found by slug or by member id. Slugs starting with {@code
 * lead-} name people made up the first time they are looked up (for load tests): 2nd degree,
 * invitable, named after the slug.
 */
final class Members {

  private final Map<String, Member> bySlug = new ConcurrentHashMap<>();
  private final Map<String, Member> byId = new ConcurrentHashMap<>();

  /** Adds the member, or replaces the one with the same slug. */
  synchronized void add(Member member) {
    Member replaced = bySlug.put(member.publicIdentifier(), member);
    if (replaced != null) {
      byId.remove(replaced.memberId());
    }
    byId.put(member.memberId(), member);
  }

  Optional<Member> bySlug(String slug) {
    Member member = bySlug.get(slug);
    if (member == null && slug.startsWith("lead-")) {
      member = lead(slug);
      add(member);
    }
    return Optional.ofNullable(member);
  }

  /** A known member; a {@code lead-} member only once looked up by slug. */
  Optional<Member> byId(String memberId) {
    return Optional.ofNullable(byId.get(memberId));
  }

  /** {@code lead-jane-doe} is Jane Doe; {@code lead-42} is Lead 42. */
  private static Member lead(String slug) {
    List<String> words =
        Arrays.stream(slug.substring("lead-".length()).split("-"))
            .filter(word -> !word.isEmpty())
            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
            .toList();
    boolean named = words.size() > 1;
    return Member.of(
        slug,
        named ? words.get(0) : "Lead",
        String.join(" ", named ? words.subList(1, words.size()) : words),
        "Head of Procurement at Northwind Traders",
        "Northwind Traders",
        "Madrid, Spain",
        Member.Distance.DISTANCE_2);
  }
}
