package io.identities.backbone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.identities.backbone.problem.ProblemException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdentityIdListTest {

  private final UUID ada = UUID.fromString("7d1c1f3e-0000-4000-8000-000000000001");
  private final UUID bea = UUID.fromString("7d1c1f3e-0000-4000-8000-000000000002");

  @Test
  void shouldTakeIdsCommaSeparatedAndRepeatedInTheOrderGivenEachOnce() {
    assertEquals(
        List.of(bea, ada),
        IdentityIdList.parse("ids", List.of(bea + " , " + ada + ",", bea.toString())));
  }

  @Test
  void shouldTakeAHundredIds() {
    List<String> hundred =
        IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID().toString()).toList();
    assertEquals(100, IdentityIdList.parse("ids", hundred).size());
  }

  @Test
  void shouldRefuseNoneMoreThanAHundredOrOneThatIsNotAUuidNamingTheParameter() {
    assertRefused(List.of(), "give 1 to 100 identity ids, comma-separated or repeated");
    assertRefused(List.of(" , "), "give 1 to 100 identity ids, comma-separated or repeated");
    assertRefused(Collections.nCopies(101, ada.toString()), "at most 100 identity ids, got 101");
    assertRefused(List.of(ada + ",ada"), "'ada' is not an identity id (a UUID)");
    assertRefused(List.of("1-2-3-4-5"), "'1-2-3-4-5' is not an identity id (a UUID)");
  }

  private static void assertRefused(List<String> values, String message) {
    ProblemException refused =
        assertThrows(ProblemException.class, () -> IdentityIdList.parse("identityIds", values));
    assertEquals(400, refused.status());
    assertEquals("identityIds", refused.errors().get(0).field());
    assertEquals(message, refused.errors().get(0).message());
  }
}
