package io.identities.linkedin.share;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.linkedin.support.ShareLinks;
import io.identities.simulator.linkedin.DemoAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
  private Path profile;
  private ChromeDriverService driverService;
  private WebDriver browser;

  @BeforeEach
  void startBrowser() throws IOException {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=360,740", // a phone's width; headless Chromium widens it to 500 at least
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));

    driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driverService, options);
  }

  @AfterEach
  void stopBrowser() throws Exception {
    browser.quit();
    driverService.stop();
    broker.close();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void shouldWalkALinkFromTheInvitationThroughTheCodeToSuccessAndThenFindItSpent() {
    String token = ShareLinks.make(broker, events, Tokens.newOrganization(), null, null);
    String link = base.toString().replaceAll("/$", "") + "/share/" + token;

    browser.get(link);
    assertTrue(heading().contains("Acme Outreach invites you"), heading());
    int page = browser.findElement(By.tagName("html")).getSize().getWidth();
    int form = browser.findElement(By.tagName("form")).getSize().getWidth();
    assertTrue(form < page, "the form fits the narrowest window: page " + page + ", form " + form);
    field("Your name, as your team will see it").sendKeys("Pia from the partner agency");
    field("LinkedIn email").sendKeys(DemoAccounts.EMAIL_PIN);
    field("LinkedIn password").sendKeys(DemoAccounts.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    assertTrue(heading().contains("LinkedIn wants to verify it is you"), heading());
    assertTrue(text().contains("a code was sent to p***@example.com"), text());
    assertFalse(browser.getPageSource().contains(DemoAccounts.PASSWORD), "password echoed");
    field("Verification code").sendKeys(DemoAccounts.PIN);
    browser.findElement(By.xpath("//button[text()='Verify']")).click();

    assertTrue(heading().contains("Your LinkedIn account is connected"), heading());
    assertTrue(text().contains("Pia Pinto's LinkedIn account now works with Acme Outreach"));

    browser.get(link);
    assertTrue(heading().contains("This link has already been used"), heading());
  }

  /** The input a label names, as a person (or a screen reader) finds it. */
  private org.openqa.selenium.WebElement field(String label) {
    String id =
        browser
            .findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]"))
            .getDomAttribute("for");
    return browser.findElement(By.id(id));
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }
}
