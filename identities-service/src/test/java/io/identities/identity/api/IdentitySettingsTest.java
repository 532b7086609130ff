package io.identities.identity.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentitySettingsTest {

  private final IdentityApi api = new IdentityApi(Tokens.newOrganization());

  @Test
  void shouldStartWithTheRecommendedLimits() {
    String id = api.createNamed("Ada");

    api.request()
        .get("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(200)
        .body("dailyConnectionRequests", equalTo(20))
        .body("dailyMessages", equalTo(100))
        .body("dailyScrapings", nullValue())
        .body("autoWithdraw", equalTo(false))
        .body("warnings", empty());
    api.request()
        .get("/api/identities/{id}/email-settings", id)
        .then()
        .body("dailyLimitPerInbox", equalTo(30))
        .body("hourlyLimitPerInbox", equalTo(5));
  }

  @Test
  void shouldAcceptLimitsAboveTheRecommendedOnesWithAWarning() {
    String id = api.createNamed("Ada");

    api.request()
        .body(
            """
            {"dailyConnectionRequests": 35, "dailyMessages": 100, "autoWithdraw": true, "withdrawAfterDays": 14}
            """)
        .put("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(200)
        .body("dailyConnectionRequests", equalTo(35))
        .body("withdrawAfterDays", equalTo(14))
        .body("warnings", hasSize(1))
        .body("warnings[0].field", equalTo("dailyConnectionRequests"))
        .body("warnings[0].message", containsString("risk of LinkedIn detecting automation"));
    api.request()
        .body("{\"dailyLimitPerInbox\": 50, \"hourlyLimitPerInbox\": 8}")
        .put("/api/identities/{id}/email-settings", id)
        .then()
        .statusCode(200)
        .body("warnings.field", containsInAnyOrder("dailyLimitPerInbox", "hourlyLimitPerInbox"));
  }

  @Test
  void shouldRefuseLimitsOutOfRangeAndChangeNothing() {
    String id = api.createNamed("Ada");
    String etag = api.etag(id);

    api.request()
        .body(
            """
            {"dailyConnectionRequests": -1, "dailyMessages": 10000, "autoWithdraw": true, "withdrawAfterDays": 0}
            """)
        .put("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            containsInAnyOrder("dailyConnectionRequests", "dailyMessages", "withdrawAfterDays"));
    api.request()
        .body("{\"dailyLimitPerInbox\": 10, \"hourlyLimitPerInbox\": 11}")
        .put("/api/identities/{id}/email-settings", id)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("hourlyLimitPerInbox"));
    api.request()
        .body("{\"dailyLimitPerInbox\": 30}")
        .put("/api/identities/{id}/email-settings", id)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("hourlyLimitPerInbox"));

    api.request().get("/api/identities/{id}", id).then().header("ETag", equalTo(etag));
  }

  @Test
  void shouldRefuseScrapingsWithoutSalesNavigator() {
    String id = api.createNamed("Ada");
    String etag = api.etag(id);

    api.request()
        .body(
            """
            {"dailyConnectionRequests": 20, "dailyMessages": 100, "dailyScrapings": 50,
             "autoWithdraw": false, "withdrawAfterDays": 7}
            """)
        .put("/api/identities/{id}/linkedin-settings", id)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("Sales Navigator"));
    api.request().get("/api/identities/{id}", id).then().header("ETag", equalTo(etag));
  }

  @Test
  void shouldKeepEmailSafeFormattingAndRenderTheSignatureAsText() {
    String id = api.createNamed("Ada");

    api.request()
        .body(
            """
            {"mode": "HTML", "html": "<p style=\\"color:#333\\"><b>Ada Lovelace</b><br>Analyst</p>\
            <table><tr><td><a href=\\"https://example.com\\">Example</a></td></tr></table>\
            <img src=\\"https://example.com/logo.png\\" alt=\\"Example logo\\"><video src=\\"x.mp4\\"></video>"}
            """)
        .put("/api/identities/{id}/signature", id)
        .then()
        .statusCode(200)
        .body("mode", equalTo("HTML"))
        .body("html", containsString("<b>Ada Lovelace</b>"))
        .body("html", containsString("color:#333"))
        .body("html", containsString("href=\"https://example.com\""))
        .body("html", containsString("<img"))
        .body("html", not(containsString("video")))
        .body("text", equalTo("Ada Lovelace\nAnalyst\nExample <https://example.com>\nExample logo"))
        .body("warnings[0].message", containsString("<video>"));
  }

  @Test
  void shouldRefuseASignatureWithActiveContentAndChangeNothing() {
    String id = api.createNamed("Ada");
    String etag = api.etag(id);

    for (String html :
        new String[] {
          "<p>Hi</p><script>steal()</script>",
          "<a href='javascript:steal()'>Click</a>",
          "<p onclick='steal()'>Hi</p>",
          "<form action='https://evil.example'><input name='card'></form>",
          "<iframe src='https://evil.example'></iframe>"
        }) {
      api.request()
          .body("{\"mode\": \"HTML\", \"html\": \"" + html + "\"}")
          .put("/api/identities/{id}/signature", id)
          .then()
          .statusCode(400)
          .body("errors.field", containsInAnyOrder("html"))
          .body("errors[0].message", containsString("not allowed in a signature"));
    }
    api.request().get("/api/identities/{id}", id).then().header("ETag", equalTo(etag));
  }
}
