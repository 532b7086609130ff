package io.identities.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;

/** How the pages write what the services answer: sentences and times as people read them. */
@TemplateExtension
public class Formats {

  private Formats() {}

  /** "a code was sent to p***@example.com" as a sentence's start: "A code was sent to...". */
  static String sentence(String words) {
    return words == null || words.isEmpty()
        ? ""
        : words.substring(0, 1).toUpperCase() + words.substring(1);
  }

  /** A moment as people read it, in UTC and saying so: "6 Dec 2026, 00:34 UTC". */
  static String moment(Instant instant) {
    return MOMENT.format(instant);
  }

  private static final java.time.format.DateTimeFormatter MOMENT =
      java.time.format.DateTimeFormatter.ofPattern(
              "d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  /** How long until {@code instant}, in whole minutes ("4 minutes", "1 minute", "a moment"). */
  static String fromNow(Instant instant) {
    long minutes = Duration.between(Instant.now(), instant).toMinutes();
    return minutes <= 0 ? "a moment" : minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
