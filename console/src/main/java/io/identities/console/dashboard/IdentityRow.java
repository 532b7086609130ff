package io.identities.console.dashboard;

import io.identities.console.services.EmailGateway.Inbox;
import io.identities.console.services.Figures;
import io.identities.console.services.Identities.Identity;
import io.identities.console.services.LinkedIn.Account;
import io.identities.console.services.WarmupService.Warmup;
import java.util.List;

/**
 * One identity in the dashboard's list: who it is, its LinkedIn badge, its inboxes, its warm-up and
 * its own figures for the period, each part from the service that knows it.
 */
public record IdentityRow(
    Identity identity,
    Part<Badge> linkedin,
    Part<List<Badge>> inboxes,
    Part<Badge> warmup,
    Part<Figures> figures) {

  /** A short state with its tone (ok, attention, off) and, when it needs one, why. */
  public record Badge(String label, String tone, String why) {}

  /** The LinkedIn badge: connected, needs a code, disconnected, restricted, invitations held. */
  static Badge linkedin(Account account) {
    if (account == null) {
      return new Badge("LinkedIn not connected", "off", null);
    }
    return switch (account.status()) {
      case "CONNECTED" ->
          account.restrictedAt() != null
              ? new Badge("LinkedIn restricted", "attention", "LinkedIn restricted the account")
              : account.invitationsHeldAt() != null
                  ? new Badge(
                      "LinkedIn invitations held",
                      "attention",
                      "invitations failed several times in a row")
                  : new Badge("LinkedIn connected", "ok", null);
      case "CHALLENGE_PENDING" ->
          new Badge(
              "LinkedIn needs a code", "attention", "the sign-in waits for a verification code");
      case "DISCONNECTED" ->
          new Badge("LinkedIn disconnected", "attention", "LinkedIn no longer accepts the session");
      default -> new Badge("LinkedIn not connected", "off", null);
    };
  }

  /** An inbox's badge: its address with connected, paused (and why) or disconnected. */
  static Badge inbox(Inbox inbox) {
    return switch (inbox.status()) {
      case "CONNECTED" -> new Badge(inbox.address(), "ok", "connected");
      case "PAUSED" -> new Badge(inbox.address() + " paused", "attention", inbox.statusReason());
      default -> new Badge(inbox.address() + " disconnected", "off", "disconnected");
    };
  }

  /** The warm-up: day N of its days, or its state; none when never ordered. */
  static Badge warmup(Warmup warmup) {
    if (warmup == null) {
      return null;
    }
    return switch (warmup.state()) {
      case "WARMING" ->
          new Badge("Warm-up day " + warmup.day() + " of " + warmup.days(), "ok", null);
      case "PAUSED" -> new Badge("Warm-up paused", "attention", warmup.reason());
      case "PENDING_PAYMENT" -> new Badge("Warm-up awaiting payment", "off", null);
      case "COMPLETED" -> new Badge("Warmed up", "ok", warmup.reason());
      default -> null;
    };
  }
}
