package io.identities.email.share;

import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.sender;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.Chromium;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.ShareLinkAnnouncements;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox page of an update share link, walked in Debian's Chromium with JavaScript off. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class InboxSharePagesBrowserTest {

  @Inject Events events;

  @TestHTTPResource("/")
  URL base;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldReconnectAnInboxByTypingItsPassword() throws Exception {
    UUID identity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String address = scenario.address("browser");
    UUID inbox = inbox(scenario.mail(), scenario.org, identity, address);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200);
    scenario.mail().changePassword(address, "typed in the browser");
    String token =
        ShareLinkAnnouncements.announce(
            scenario.broker, events, scenario.org, identity, "Ada", Duration.ofHours(24));
    String link = base.toString().replaceAll("/$", "") + "/share/email/" + token;
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> given().get(link).statusCode() == 200);

    try (Chromium chromium = new Chromium()) {
      chromium.open(link);
      assertTrue(chromium.heading().contains("reconnect the inboxes of Ada Lovelace"));
      assertTrue(chromium.text().contains(address + "\nIMAP, disconnected"), chromium.text());
      chromium.field("Password of " + address).sendKeys("a wrong one");
      chromium.press("Reconnect");
      assertTrue(chromium.text().contains("Authentication refused"), chromium.text());
      assertFalse(chromium.browser().getPageSource().contains("a wrong one"), "password echoed");

      chromium.field("Password of " + address).sendKeys("typed in the browser");
      chromium.press("Reconnect");
      assertTrue(chromium.heading().contains(address + " is connected again"), chromium.heading());

      chromium.open(link);
      assertTrue(chromium.heading().contains("already been used"), chromium.heading());
    }
  }
}
