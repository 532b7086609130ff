package io.identities.console.web;

import io.identities.console.services.Identities;
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

  /**
   * The identity's window as identities-service computed it, in its zone: "Active now, until 18:00
   * Europe/Madrid", "Next: Monday 7 Dec, 09:00 Europe/Madrid", or that there is none.
   */
  static String said(Identities.NextWindow window) {
    if (window.opensAt() == null) {
      return "No working hours: campaigns do not act for this identity.";
    }
    java.time.ZoneId zone = java.time.ZoneId.of(window.timeZone());
    return window.active()
        ? "Active now, until " + local(window.closesAt(), window.at(), zone) + " " + zone.getId()
        : "Not active now. Next: "
            + local(window.opensAt(), window.at(), zone)
            + " "
            + zone.getId();
  }

  private static String local(Instant instant, Instant now, java.time.ZoneId zone) {
    java.time.ZonedDateTime local = instant.atZone(zone);
    return local.toLocalDate().equals(now.atZone(zone).toLocalDate())
        ? TIME.format(local)
        : DAY_AND_TIME.format(local);
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ENGLISH);
  private static final java.time.format.DateTimeFormatter DAY_AND_TIME =
      java.time.format.DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", java.util.Locale.ENGLISH);

  /** How long until {@code instant}, in whole minutes ("4 minutes", "1 minute", "a moment"). */
  static String fromNow(Instant instant) {
    long minutes = Duration.between(Instant.now(), instant).toMinutes();
    return minutes <= 0 ? "a moment" : minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
