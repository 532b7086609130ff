package io.identities.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.identities.console.services.EmailGateway.Inbox;
import io.identities.console.services.LinkedIn.Account;
import io.identities.console.services.WarmupService.Warmup;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityRowTest {

  private final UUID identity = UUID.randomUUID();
  private final Instant now = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void shouldSayWhereTheLinkedInAccountStands() {
    assertEquals("LinkedIn not connected", IdentityRow.linkedin(null).label());
    assertEquals(
        "LinkedIn connected", IdentityRow.linkedin(account("CONNECTED", null, null)).label());
    assertEquals("ok", IdentityRow.linkedin(account("CONNECTED", null, null)).tone());
    assertEquals(
        "LinkedIn restricted", IdentityRow.linkedin(account("CONNECTED", now, null)).label());
    assertEquals(
        "LinkedIn invitations held", IdentityRow.linkedin(account("CONNECTED", null, now)).label());
    assertEquals(
        "LinkedIn needs a code",
        IdentityRow.linkedin(account("CHALLENGE_PENDING", null, null)).label());
    assertEquals("attention", IdentityRow.linkedin(account("DISCONNECTED", null, null)).tone());
    assertEquals(
        "LinkedIn not connected",
        IdentityRow.linkedin(account("NOT_CONNECTED", null, null)).label());
  }

  @Test
  void shouldSayWhyAnInboxIsPaused() {
    IdentityRow.Badge paused = IdentityRow.inbox(inbox("PAUSED", "over 2 % bounces in 28 days"));
    assertEquals("ada@sales.example paused", paused.label());
    assertEquals("over 2 % bounces in 28 days", paused.why());
    assertEquals("ok", IdentityRow.inbox(inbox("CONNECTED", null)).tone());
    assertEquals(
        "ada@sales.example disconnected", IdentityRow.inbox(inbox("DISCONNECTED", null)).label());
  }

  @Test
  void shouldCountTheWarmupsDays() {
    assertNull(IdentityRow.warmup(null));
    assertEquals(
        "Warm-up day 4 of 21",
        IdentityRow.warmup(new Warmup(identity, "WARMING", null, 4, 21, now)).label());
    assertEquals(
        "Warm-up paused",
        IdentityRow.warmup(new Warmup(identity, "PAUSED", "bounces", 4, 21, now)).label());
    assertNull(IdentityRow.warmup(new Warmup(identity, "CANCELLED", null, null, 21, null)));
  }

  private Account account(String status, Instant restrictedAt, Instant invitationsHeldAt) {
    return new Account(identity, status, false, now, restrictedAt, invitationsHeldAt);
  }

  private Inbox inbox(String status, String reason) {
    return new Inbox(
        UUID.randomUUID(), identity, "ada@sales.example", "IMAP", status, reason, null);
  }
}
