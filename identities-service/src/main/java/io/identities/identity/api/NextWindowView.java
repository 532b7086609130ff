package io.identities.identity.api;

import io.identities.backbone.schedule.WorkingHours.Window;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the identity is active {@code at} an instant; {@code opensAt}/{@code closesAt} bound the
 * window it is in, or the next one (both null when its schedule has no hours at all).
 */
public record NextWindowView(
    String timeZone, Instant at, boolean active, Instant opensAt, Instant closesAt) {

  static NextWindowView of(String timeZone, Instant at, Optional<Window> window) {
    return window
        .map(w -> new NextWindowView(timeZone, at, w.active(), w.opensAt(), w.closesAt()))
        .orElse(new NextWindowView(timeZone, at, false, null, null));
  }
}
