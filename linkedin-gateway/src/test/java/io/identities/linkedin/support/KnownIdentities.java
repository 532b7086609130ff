package io.identities.linkedin.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Identities the gateway knows, announced on the bus as identities-service would. */
public final class KnownIdentities {

  private KnownIdentities() {}

  /** A new identity of {@code org}, once the gateway has replicated it. */
  public static UUID announce(BrokerProbe broker, Events events, String org, String name) {
    UUID identity = UUID.randomUUID();
    broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_CREATED,
            org,
            identity.toString(),
            IdentitySnapshots.of(identity, 0, name)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(Tokens.member(org))
                        .get("/api/linkedin/identities/{id}", identity)
                        .statusCode()
                    == 200);
    return identity;
  }
}
