package io.identities.console.web;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The time zones a user chooses from (the IANA zones named by region and city, and UTC), and the
 * zone meant by what they typed: its exact name in any case, or its city alone ("madrid", "New
 * York", "sao paulo").
 */
public final class TimeZones {

  /** Where a user who chose no zone is. */
  public static final ZoneId UTC = ZoneId.of("UTC");

  /** The old names kept for compatibility: found when typed, not offered. */
  private static final List<String> ALIASES =
      List.of("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/");

  /** The zones offered, sorted: the region/city ones and UTC. */
  public static final List<String> ALL =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.equals("UTC") || (id.contains("/") && !isAlias(id)))
          .sorted()
          .toList();

  private TimeZones() {}

  /** The zone {@code typed} names, if any. */
  public static Optional<ZoneId> find(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String wanted = plain(typed);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(id -> plain(id).equals(wanted))
        .findFirst()
        .or(() -> ALL.stream().filter(id -> plain(city(id)).equals(wanted)).findFirst())
        .map(ZoneId::of);
  }

  private static boolean isAlias(String id) {
    return ALIASES.stream().anyMatch(id::startsWith);
  }

  private static String city(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  /** Lower case, without accents, spaces as underscores. */
  private static String plain(String text) {
    return Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replace(' ', '_');
  }
}
