package io.identities.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.testing.NativeReadiness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native build of email-gateway would be given everything it reads by reflection and loads as a
 * resource at run time (checked on the native sources the build writes; no GraalVM here).
 */
class NativeReadinessIT {

  @Test
  void shouldRegisterWhatANativeImageNeeds() throws Exception {
    assertEquals(
        List.of(),
        NativeReadiness.missing(
            List.of("io.identities.backbone.schedule.WorkingHours$Interval"),
            List.of("templates/InboxSharePages/inboxes.html", "templates/mail-layout.html")));
  }
}
