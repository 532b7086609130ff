package io.identities.identity.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Europe/Madrid springs forward on 2026-03-29 and falls back on 2026-10-25. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class WorkingHoursTest {

  private final IdentityApi api = new IdentityApi(Tokens.newOrganization());

  @Test
  void shouldStartOnWeekdaysFromNineToSix() {
    String id = api.createNamed("Ada");

    api.request()
        .get("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(200)
        .body("timeZone", equalTo("UTC"))
        .body("week.MONDAY[0].start", equalTo("09:00"))
        .body("week.FRIDAY[0].end", equalTo("18:00"))
        .body("week.SATURDAY", equalTo(null));
  }

  @Test
  void shouldAnswerTheNextWindowAcrossTheSpringAndAutumnChanges() {
    String id = api.createNamed("Ada");
    api.request()
        .body(
            """
            {"timeZone": "Europe/Madrid", "week": {
              "MONDAY": [{"start": "09:00", "end": "13:00"}, {"start": "15:00", "end": "18:00"}],
              "FRIDAY": [{"start": "09:00", "end": "14:00"}]}}
            """)
        .put("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(200)
        .body("week.MONDAY", hasSize(2));

    api.request()
        .queryParam("from", "2026-03-27T14:00:00Z") // Friday 15:00 CET, after hours
        .get("/api/identities/{id}/working-hours/next-window", id)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("opensAt", equalTo("2026-03-30T07:00:00Z")) // Monday 09:00 CEST
        .body("closesAt", equalTo("2026-03-30T11:00:00Z"));
    api.request()
        .queryParam("from", "2026-10-26T14:30:00Z") // Monday 15:30 CET
        .get("/api/identities/{id}/working-hours/next-window", id)
        .then()
        .body("active", equalTo(true))
        .body("opensAt", equalTo("2026-10-26T14:00:00Z"))
        .body("closesAt", equalTo("2026-10-26T17:00:00Z"));
  }

  @Test
  void shouldRefuseAnUnknownZoneAndOverlappingIntervalsAndChangeNothing() {
    String id = api.createNamed("Ada");
    String etag = api.etag(id);

    api.request()
        .body(
            """
            {"timeZone": "Europe/Atlantis", "week": {
              "MONDAY": [{"start": "09:00", "end": "13:00"}, {"start": "12:00", "end": "18:00"}]}}
            """)
        .put("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("timeZone", "week.MONDAY[1]"));
    api.request()
        .queryParam("from", "next tuesday")
        .get("/api/identities/{id}/working-hours/next-window", id)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("from"));
    api.request()
        .body("{\"timeZone\": \"UTC\", \"week\": {\"FUNDAY\": []}}")
        .put("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(400);

    api.request().get("/api/identities/{id}", id).then().header("ETag", equalTo(etag));
  }

  @Test
  void shouldSayAMissingTimeZoneIsRequired() {
    String id = api.createNamed("Ada");

    api.request()
        .body("{\"week\": {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"18:00\"}]}}")
        .put("/api/identities/{id}/working-hours", id)
        .then()
        .statusCode(400)
        .body("errors.field", contains("timeZone"))
        .body("errors[0].message", startsWith("required"));
  }
}
