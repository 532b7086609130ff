package io.identities.backbone.testing;

import static io.restassured.RestAssured.given;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Identities a service knows, announced on the bus as identities-service would. */
public final class KnownIdentities {

  private KnownIdentities() {}

  /**
   * Publishes identity.created for {@code snapshot} and waits until the service has replicated it:
   * until {@code knownAt} (a path with an {@code {id}} placeholder) answers 200 for the identity.
   */
  public static UUID announce(
      BrokerProbe broker, Events events, String org, IdentitySnapshot snapshot, String knownAt) {
    UUID identity = snapshot.identityId();
    broker.publish(
        events, events.envelope(EventTypes.IDENTITY_CREATED, org, identity.toString(), snapshot));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                given().auth().oauth2(Tokens.member(org)).get(knownAt, identity).statusCode()
                    == 200);
    return identity;
  }
}
