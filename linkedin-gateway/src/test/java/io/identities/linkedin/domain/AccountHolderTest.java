package io.identities.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who is told which identity holds a LinkedIn account. */
class AccountHolderTest {

  private final AccountHolder ada = new AccountHolder(UUID.randomUUID(), "acme", "Ada");

  @Test
  void shouldNameTheHolderToItsOwnOrganization() {
    ProblemException refusal = ada.refusal("acme");

    assertEquals(409, refusal.status());
    assertTrue(refusal.getMessage().contains("\"Ada\""), refusal.getMessage());
    assertTrue(refusal.getMessage().contains(ada.identityId().toString()), refusal.getMessage());
  }

  @Test
  void shouldNotNameTheHolderToAnotherOrganization() {
    ProblemException refusal = ada.refusal("globex");

    assertEquals(409, refusal.status());
    assertTrue(refusal.getMessage().contains("another organization"), refusal.getMessage());
    assertFalse(refusal.getMessage().contains("Ada"), refusal.getMessage());
    assertFalse(refusal.getMessage().contains(ada.identityId().toString()), refusal.getMessage());
  }
}
