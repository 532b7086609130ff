package io.identities.identity.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.share.ShareLinkKeeper.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A share link's one use, without a database. */
class ShareLinkRulesTest {

  private static final Instant MADE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant EXPIRES = MADE.plusSeconds(24 * 3600);

  private final ShareLink link = ShareLink.make("org", "hash", null, EXPIRES);

  @Test
  void shouldBeSpentOnceAndAgainOnlyByTheClaimThatSpentIt() {
    assertTrue(link.spend("sign-in-1", "linkedin", MADE.plusSeconds(60)));

    assertFalse(link.spend("sign-in-1", "linkedin", MADE.plusSeconds(90)), "a retry");
    assertEquals(MADE.plusSeconds(60), link.spentAt, "spent when it was first spent");
    assertEquals(
        Reason.USED,
        assertThrows(ShareLink.Refused.class, () -> link.spend("inbox", "email", MADE)).reason());
  }

  @Test
  void shouldRefuseToBeSpentOnceItExpiredUnlessItWasSpentBefore() {
    assertEquals(
        Reason.EXPIRED,
        assertThrows(ShareLink.Refused.class, () -> link.spend("late", "email", EXPIRES)).reason());

    ShareLink spent = ShareLink.make("org", "hash", null, EXPIRES);
    spent.spend("sign-in", "linkedin", EXPIRES.minusSeconds(1));
    assertFalse(spent.spend("sign-in", "linkedin", EXPIRES.plusSeconds(60)), "its retry");
  }
}
