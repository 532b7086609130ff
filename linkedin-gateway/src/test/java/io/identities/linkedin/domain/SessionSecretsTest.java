package io.identities.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The gateway gets its secret cipher from configuration (identities.secrets.*). */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class SessionSecretsTest {

  @Inject SecretCipher cipher;

  @Test
  void shouldSealSessionCookiesWithTheConfiguredKey() {
    String sealed = cipher.seal("li_at=secret-cookie", "identity-1");

    assertFalse(sealed.contains("secret-cookie"));
    assertEquals("test", sealed.substring(0, sealed.indexOf(':')));
    assertEquals("li_at=secret-cookie", cipher.open(sealed, "identity-1"));
  }
}
