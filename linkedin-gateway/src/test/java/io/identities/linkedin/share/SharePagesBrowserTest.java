package io.identities.linkedin.share;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.Chromium;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.linkedin.support.ShareLinks;
import io.identities.simulator.linkedin.DemoAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A share link walked in a real browser: Debian's Chromium, headless, in its narrowest window, with
 * JavaScript turned off (the pages must not need it), driven through chromedriver.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class SharePagesBrowserTest {

  @Inject Events events;

  @TestHTTPResource("/")
  URL base;

  private final BrokerProbe broker = new BrokerProbe();
  private Chromium chromium;

  @BeforeEach
  void startBrowser() {
    chromium = new Chromium();
  }

  @AfterEach
  void stopBrowser() throws Exception {
    chromium.close();
    broker.close();
  }

  @Test
  void shouldWalkALinkFromTheInvitationThroughTheCodeToSuccessAndThenFindItSpent() {
    String token = ShareLinks.make(broker, events, Tokens.newOrganization(), null, null);
    String link = base.toString().replaceAll("/$", "") + "/share/" + token;

    chromium.open(link);
    assertTrue(chromium.heading().contains("Acme Outreach invites you"), chromium.heading());
    int page = chromium.browser().findElement(By.tagName("html")).getSize().getWidth();
    int form = chromium.browser().findElement(By.tagName("form")).getSize().getWidth();
    assertTrue(form < page, "the form fits the narrowest window: page " + page + ", form " + form);
    chromium.field("Your name, as your team will see it").sendKeys("Pia from the partner agency");
    chromium
        .field("LinkedIn email")
        .sendKeys(LinkedInAccounts.like(DemoAccounts.EMAIL_PIN).email());
    chromium.field("LinkedIn password").sendKeys(DemoAccounts.PASSWORD);
    chromium.press("Connect LinkedIn");

    assertTrue(
        chromium.heading().contains("LinkedIn wants to verify it is you"), chromium.heading());
    assertTrue(chromium.text().contains("a code was sent to p***@example.com"), chromium.text());
    assertFalse(
        chromium.browser().getPageSource().contains(DemoAccounts.PASSWORD), "password echoed");
    chromium.field("Verification code").sendKeys(DemoAccounts.PIN);
    chromium.press("Verify");

    assertTrue(
        chromium.heading().contains("Your LinkedIn account is connected"), chromium.heading());
    assertTrue(
        chromium.text().contains("Pia Pinto's LinkedIn account now works with Acme Outreach"));

    chromium.open(link);
    assertTrue(chromium.heading().contains("This link has already been used"), chromium.heading());
  }
}
