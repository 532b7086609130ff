package io.identities.linkedin.support;

import static io.restassured.RestAssured.given;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.ShareLinkAnnouncements;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Share links as identities-service makes them: announced on the bus, token kept by the test. */
public final class ShareLinks {

  private ShareLinks() {}

  /** A link valid for 24 hours; {@code identityId} null adds a new identity. */
  public static String make(
      BrokerProbe broker, Events events, String org, UUID identityId, String identityName) {
    String token = announce(broker, events, org, identityId, identityName, Duration.ofHours(24));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> given().get("/share/" + token).statusCode() != 404);
    return token;
  }

  /** Announces a link without waiting for it; a negative lifetime makes it expired already. */
  public static String announce(
      BrokerProbe broker,
      Events events,
      String org,
      UUID identityId,
      String identityName,
      Duration lifetime) {
    return ShareLinkAnnouncements.announce(broker, events, org, identityId, identityName, lifetime);
  }
}
