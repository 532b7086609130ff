package io.identities.linkedin.support;

import io.identities.backbone.testing.TestClock;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Asks linkedin-gateway for actions over its API and follows them. */
public final class ActionsApi {

  private final LinkedInApi api;

  public ActionsApi(LinkedInApi api) {
    this.api = api;
  }

  /** An invitation (with a note, or null), a message (with a text) or a visit; answers its id. */
  public UUID ask(UUID identity, String type, String person, Map<String, Object> extra) {
    UUID id = UUID.randomUUID();
    post(identity, id, type, person, extra).statusCode(202);
    return id;
  }

  public ValidatableResponse post(
      UUID identity, UUID id, String type, String person, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(extra);
    body.put("id", id);
    body.put("type", type);
    body.put("person", person);
    return api.request()
        .body(body)
        .post("/api/linkedin/identities/{identity}/actions", identity)
        .then();
  }

  public JsonPath get(UUID identity, UUID action) {
    return api.request()
        .get("/api/linkedin/identities/{identity}/actions/{id}", identity, action)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the action is in {@code status}, and answers it. */
  public JsonPath await(UUID identity, UUID action, String status) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get(identity, action), found -> status.equals(found.getString("status")));
  }

  /** Moves the clock on from slot to slot until all {@code ids} are done. */
  public void runUntilDone(TestClock clock, UUID identity, List<UUID> ids) {
    runUntil(clock, identity, ids, Instant.MAX);
  }

  /**
   * Moves the clock on to each next slot up to {@code notAfter}, until every action is done (or
   * failed) or waits for a slot after it: what the limits allow until then has all been done.
   */
  public void runUntil(TestClock clock, UUID identity, List<UUID> ids, Instant notAfter) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              List<Instant> slots = new ArrayList<>();
              for (UUID id : ids) {
                JsonPath action = get(identity, id);
                switch (action.getString("status")) {
                  case "DONE", "FAILED" -> {}
                  case "QUEUED" -> slots.add(Instant.parse(action.getString("notBefore")));
                  default -> {
                    return false; // running, held, or not decided yet
                  }
                }
              }
              Optional<Instant> next = slots.stream().min(Instant::compareTo);
              if (next.isEmpty() || next.get().isAfter(notAfter)) {
                return true;
              }
              if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
              }
              return false;
            });
  }

  /** A profile URL in the simulator's LinkedIn. */
  public static String profile(String slug) {
    return "https://www.linkedin.com/in/" + slug;
  }
}
