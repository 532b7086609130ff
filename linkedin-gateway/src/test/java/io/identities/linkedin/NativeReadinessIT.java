package io.identities.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.testing.NativeReadiness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native build of linkedin-gateway would be given everything it reads by reflection and loads as
 * a resource at run time (checked on the native sources the build writes; no GraalVM here).
 */
class NativeReadinessIT {

  @Test
  void shouldRegisterWhatANativeImageNeeds() throws Exception {
    assertEquals(
        List.of(),
        NativeReadiness.missing(
            List.of(
                "io.identities.backbone.schedule.WorkingHours$Interval",
                // written as JSON with Jackson (what it reads is found in the sources)
                "io.identities.linkedin.actions.ActionResult",
                "io.identities.linkedin.actions.ActionResult$PersonProfile"),
            List.of("templates/SharePages/challenge.html", "templates/share-layout.html")));
  }

  @Test
  void shouldFindWhatItsCodeReadsWithJacksonAndItsEntities() throws Exception {
    // the sealed session and pending login are read back with Jackson; Hibernate reads entities
    assertTrue(
        NativeReadiness.readByJackson()
            .containsAll(
                List.of(
                    "io.identities.linkedin.linkedin.LinkedIn$Session",
                    "io.identities.linkedin.linkedin.LinkedIn$PendingLogin")));
    assertTrue(
        NativeReadiness.entities().contains("io.identities.linkedin.domain.LinkedInIdentity"));
  }
}
