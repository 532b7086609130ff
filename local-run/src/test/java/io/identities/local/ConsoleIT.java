package io.identities.local;

import static io.identities.local.LocalPlatform.CONSOLE;
import static io.identities.local.LocalPlatform.SIMULATOR;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.testing.Chromium;
import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.Totp;
import io.restassured.response.Response;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console walked in a real browser against the running platform (Keycloak, the four services,
 * the LinkedIn simulator): signing in, adding identities each way, the dashboard's search, period
 * and time zone, signing out, and another organization's user seeing none of it. It makes the
 * README's screenshots and checks each page with axe-core.
 */
class ConsoleIT {

  /** Names unique to this run: the platform is shared with the other end-to-end tests. */
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void startThePlatform() throws Exception {
    LocalPlatform.token();
  }

  @Test
  void shouldAddAnIdentityManuallyWithItsPictureAndFindItByAnyPartOfItsName() throws Exception {
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      assertTrue(maria.text().contains("María García"), "the user's name is shown");
      assertTrue(maria.text().contains("Dev Organization"), "the user's organization is shown");

      maria.press("+ Add new identity");
      maria.press("Manually");
      maria.awaitText("Profile picture");
      maria.field("Profile picture").sendKeys(picture().getAbsolutePath());
      maria.await(d -> d.findElement(By.id("picture-preview")).isDisplayed());
      maria.field("First name").sendKeys("Zoë");
      maria.field("Last name").sendKeys("Núñez " + run);
      maria.field("Job title").sendKeys("Head of Sales");
      maria.field("Email").sendKeys("zoe." + run + "@dev-organization.example");
      maria.field("LinkedIn URL").sendKeys("linkedin.com/in/zoe-nunez-" + run);
      maria.field("Schedule meeting URL").sendKeys("https://meet.example/zoe");
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.screenshot("add-manually");
      maria.press("Add identity");

      maria.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zoë Núñez " + run));
      assertTrue(maria.text().contains("Head of Sales"));
      assertEquals(
          "https://www.linkedin.com/in/zoe-nunez-" + run,
          maria.field("LinkedIn URL").getDomProperty("value"));
      assertTrue(
          (Boolean)
              maria
                  .driver()
                  .executeScript(
                      "const img = document.querySelector('img.avatar');"
                          + " return img != null && img.complete && img.naturalWidth > 0;"),
          "the uploaded picture is shown");

      maria.open("/");
      maria.field("Search by name").sendKeys("zoe nunez " + run);
      maria.await(
          d ->
              d.findElements(By.cssSelector("#results .row")).size() == 1
                  && d.findElement(By.id("results")).getText().contains("Zoë Núñez " + run));
      maria.await(d -> d.getCurrentUrl().contains("q=zoe")); // the search is in the address
      assertEquals(List.of(), maria.accessibilityViolations());

      maria.field("Search by name").sendKeys(Keys.chord(Keys.CONTROL, "a"), "nobody-" + run);
      maria.awaitText("No identity matches");
    }
  }

  @Test
  void shouldChangeThePeriodAndTheTimeZoneAndSignOut() throws Exception {
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.awaitText("Connections");
      maria.screenshot("dashboard");
      assertEquals(List.of(), maria.accessibilityViolations());

      new org.openqa.selenium.support.ui.Select(maria.field("Period"))
          .selectByVisibleText("Last 7 days");
      maria.awaitText("the 7 days before");
      assertTrue(maria.driver().getCurrentUrl().contains("period=last7days"));

      // the time zone: searched by any zone's city, an unknown one said so
      maria.field("Time zone").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Atlantis", Keys.ENTER);
      maria.awaitText("“Atlantis” is not a time zone");
      maria.field("Time zone").sendKeys(Keys.chord(Keys.CONTROL, "a"), "kiritimati", Keys.ENTER);
      maria.awaitText("Pacific/Kiritimati time");
      assertTrue(!maria.text().contains("is not a time zone"));
      maria.open("/");
      assertEquals(
          "Pacific/Kiritimati",
          maria.field("Time zone").getAttribute("value"),
          "the chosen zone is remembered");

      // the session ends (its cookies gone) while the page is open: typing in the search signs
      // the user in again at the provider (still signed in there) and comes back to the results
      maria.driver().manage().getCookies().stream()
          .filter(cookie -> cookie.getName().startsWith("q_session"))
          .forEach(cookie -> maria.driver().manage().deleteCookie(cookie));
      maria.field("Search by name").sendKeys("zz-" + run);
      maria.await(
          d -> d.manage().getCookies().stream().anyMatch(c -> c.getName().startsWith("q_session")));
      maria.awaitText("No identity matches");

      maria.press("Sign out");
      maria.awaitText("You signed out");
      maria.open("/");
      maria.await(d -> d.findElements(By.id("kc-login")).size() > 0);
    }
  }

  @Test
  void shouldConnectLinkedInWithEachKindOfVerification() throws Exception {
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");

      fillInLinkedInSignIn(maria, "Pia " + run, "pin+" + run + "@example.com");
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.screenshot("add-credentials");
      maria.press("Connect LinkedIn");
      maria.awaitText("Enter the code LinkedIn emailed you");
      maria.screenshot("add-credentials-code");
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.field("Verification code").sendKeys("000000");
      maria.press("Verify");
      maria.awaitText("2 attempts left");
      maria.press("Try another way: by SMS");
      maria.awaitText("Enter the code LinkedIn texted you");
      maria.field("Verification code").sendKeys("246810");
      maria.press("Verify");
      maria.await(d -> d.findElement(By.tagName("h1")).getText().equals("Pia " + run));
      assertTrue(maria.text().contains("LinkedIn connected"), maria.text());

      signInToLinkedIn(maria, "Sam " + run, "sms+" + run + "@example.com");
      maria.awaitText("Enter the code LinkedIn texted you");
      maria.field("Verification code").sendKeys("246810");
      maria.press("Verify");
      maria.await(d -> d.findElement(By.tagName("h1")).getText().equals("Sam " + run));

      signInToLinkedIn(maria, "Tom " + run, "totp+" + run + "@example.com");
      maria.awaitText("authenticator app");
      maria.field("Verification code").sendKeys(Totp.code(DemoAccounts.TOTP_SECRET, Instant.now()));
      maria.press("Verify");
      maria.await(d -> d.findElement(By.tagName("h1")).getText().equals("Tom " + run));

      signInToLinkedIn(maria, "Apu " + run, "app+" + run + "@example.com");
      maria.awaitText("Approve the sign-in in the LinkedIn app");
      maria.screenshot("add-credentials-approval");
      given()
          .post(SIMULATOR + "/simulator/accounts/app+" + run + "@example.com/approve")
          .then()
          .statusCode(200);
      maria.await(d -> d.findElement(By.tagName("h1")).getText().equals("Apu " + run));

      signInToLinkedIn(maria, "Gus " + run, "google@example.com");
      maria.awaitText("signs in with Google, Microsoft or Apple");
      assertTrue(maria.driver().getCurrentUrl().endsWith("/identities/new/linkedin"));
    }
  }

  @Test
  void shouldSayWhatToDoWhenLinkedInStopsASignIn() throws Exception {
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");

      signInToLinkedIn(maria, "Cat " + run, DemoAccounts.CAPTCHA);
      maria.awaitText("LinkedIn asks for a security check");
      assertEquals(
          "Cat " + run, maria.field("Identity name").getDomProperty("value"), "what was typed");

      signInToLinkedIn(maria, "Ned " + run, "pin+ned-" + run + "@example.com");
      maria.awaitText("Enter the code LinkedIn emailed you");
      for (String left : List.of("2 attempts left", "1 attempt left")) {
        maria.field("Verification code").sendKeys("000000");
        maria.press("Verify");
        maria.awaitText("The code is wrong; " + left);
      }
      maria.field("Verification code").sendKeys("000000");
      maria.press("Verify");
      maria.awaitText("no attempt is left");
      assertTrue(maria.text().contains("This sign-in has ended"), maria.text());
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.press("Sign in again");
      maria.await(d -> d.getCurrentUrl().endsWith("/identities/new?way=credentials"));

      maria.open("/identities/new/linkedin/" + UUID.randomUUID()); // long gone, or never begun
      maria.awaitText("This sign-in has ended");
    }
  }

  @Test
  void shouldGenerateAShareLinkThatItsOwnerCompletesInAnotherBrowser() throws Exception {
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.open("/identities/new?way=share");
      maria.field("Identity name (optional)").sendKeys("Ola " + run);
      maria.press("Generate share link");
      maria.awaitText("usable once");
      maria.screenshot("add-share");
      assertEquals(List.of(), maria.accessibilityViolations());
      String link = maria.field("Share link").getDomProperty("value");

      try (Chromium owner = new Chromium()) {
        owner.open(link);
        assertTrue(owner.heading().contains("Dev Organization"), owner.heading());
        owner.field("LinkedIn email").sendKeys("ada+" + run + "@example.com");
        owner.field("LinkedIn password").sendKeys(DemoAccounts.PASSWORD);
        owner.press("Connect LinkedIn");
        assertTrue(owner.heading().contains("Your LinkedIn account is connected"), owner.heading());
      }

      maria.open("/?q=ola+" + run);
      maria.await(d -> d.findElement(By.id("results")).getText().contains("LinkedIn connected"));
    }
  }

  @Test
  void shouldEditContactDetailsAndShowWhatSomeoneElseSavedMeanwhile() throws Exception {
    PlatformClient platform = LocalPlatform.client();
    String identity =
        platform.createIdentity("Eda " + run).then().statusCode(201).extract().path("id");
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.open("/identities/" + identity);
      maria.field("Job title").sendKeys("Account Executive");
      maria.field("Phone").sendKeys("+34 612 34 56 78");
      // meanwhile someone else of the organization saves her job title through the API
      platform
          .api()
          .contentType("application/merge-patch+json")
          .body(Map.of("jobTitle", "Head of Sales"))
          .patch(platform.identities + "/api/identities/" + identity)
          .then()
          .statusCode(200);
      maria.press("Save contact details");
      maria.awaitText("Someone else saved this identity while you were editing");
      assertEquals(
          "Account Executive",
          maria.field("Job title").getDomProperty("value"),
          "what she typed is kept");
      assertTrue(maria.text().contains("Saved now: Head of Sales"), maria.text());
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.screenshot("identity-contact-details-conflict");

      maria.press("Save contact details"); // over what is saved now: hers wins, knowingly
      maria.awaitText("Saved.");
      assertEquals("Account Executive", maria.field("Job title").getDomProperty("value"));
      Response saved = platform.api().get(platform.identities + "/api/identities/" + identity);
      assertEquals("Account Executive", saved.path("jobTitle"));
      assertEquals("+34612345678", saved.path("phone"), "stored as E.164");

      maria.field("Email").sendKeys("eda@localhost"); // the browser lets it through, not the API
      maria.press("Save contact details");
      maria.awaitText("must be a valid email address");
      assertEquals(
          "true", maria.field("Email").getDomAttribute("aria-invalid"), "said beside the field");
    }
  }

  @Test
  void shouldSetWorkingHoursAndShowTheNextWindowAsTheServiceComputesIt() throws Exception {
    PlatformClient platform = LocalPlatform.client();
    String identity =
        platform.createIdentity("Wes " + run).then().statusCode(201).extract().path("id");
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.open("/identities/" + identity);
      maria.press("Working hours");
      maria.awaitText("Campaigns act for this identity only inside these hours");
      assertEquals("UTC", maria.field("Time zone").getDomProperty("value"), "the default");
      assertEquals("09:00", labelled(maria, "Monday, interval 1, from").getDomProperty("value"));

      maria.field("Time zone").sendKeys(Keys.chord(Keys.CONTROL, "a"), "madrid");
      labelled(maria, "Monday, interval 1, until").clear();
      labelled(maria, "Monday, interval 1, until").sendKeys("13:00");
      labelled(maria, "Monday, interval 2, from").sendKeys("15:00");
      labelled(maria, "Monday, interval 2, until").sendKeys("19:00");
      labelled(maria, "Friday: day off").click();
      labelled(maria, "Saturday: day off").click(); // no longer off: it gets hours
      labelled(maria, "Saturday, interval 1, from").sendKeys("10:00");
      labelled(maria, "Wednesday, interval 2, from").sendKeys("20:00"); // half an interval
      maria.press("Save working hours");
      maria.awaitText("Give each interval a start and an end");
      assertEquals(
          "13:00",
          labelled(maria, "Monday, interval 1, until").getDomProperty("value"),
          "what was typed is kept");

      labelled(maria, "Wednesday, interval 2, from").clear();
      labelled(maria, "Saturday, interval 1, until").sendKeys("14:00");
      maria.press("Save working hours");
      maria.awaitText("Saved.");
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.screenshot("identity-working-hours");

      Response saved =
          platform
              .api()
              .get(platform.identities + "/api/identities/" + identity + "/working-hours");
      assertEquals("Europe/Madrid", saved.path("timeZone"));
      assertEquals(List.of("09:00", "15:00"), saved.path("week.MONDAY.start"));
      assertEquals(List.of("13:00", "19:00"), saved.path("week.MONDAY.end"));
      assertEquals(List.of("10:00"), saved.path("week.SATURDAY.start"));
      assertEquals(null, saved.<Object>path("week.FRIDAY"), "a day off has no hours");
      boolean active =
          platform
              .api()
              .get(
                  platform.identities
                      + "/api/identities/"
                      + identity
                      + "/working-hours/next-window")
              .path("active");
      String next = maria.driver().findElement(By.cssSelector(".next")).getText();
      assertTrue(
          next.startsWith(active ? "Active now, until " : "Not active now. Next: ")
              && next.endsWith("Europe/Madrid"),
          next);
    }
  }

  @Test
  void shouldGenerateAnUpdateLinkThatTheOwnerOpensInAnotherBrowser() throws Exception {
    PlatformClient platform = LocalPlatform.client();
    String identity =
        platform.createIdentity("Ugo " + run).then().statusCode(201).extract().path("id");
    LocalPlatform.awaitFound(platform.linkedIn + "/api/linkedin/identities/" + identity);
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.open("/identities/" + identity);
      maria.press("Share identity link");
      maria.press("Generate the update link");
      maria.awaitText("usable once");
      assertEquals(List.of(), maria.accessibilityViolations());
      maria.screenshot("identity-share-link");
      String link = maria.field("Update link").getDomProperty("value");

      try (Chromium owner = new Chromium()) {
        owner.open(link);
        assertTrue(
            owner.heading().contains("reconnect the LinkedIn account of Ugo " + run),
            owner.heading());
        owner.field("LinkedIn password"); // the owner signs in here, without an account
      }
    }
  }

  /** The control named {@code label} by its aria-label (a table's cells, no visible label). */
  private static org.openqa.selenium.WebElement labelled(ConsoleBrowser browser, String label) {
    return browser.driver().findElement(By.cssSelector("[aria-label='" + label + "']"));
  }

  @Test
  void shouldShowAnotherOrganizationsUserNoneOfTheFirstsIdentities() throws Exception {
    try (ConsoleBrowser nina = new ConsoleBrowser(CONSOLE)) {
      nina.signIn("nina", "nina-dev-password");
      assertTrue(nina.text().contains("Northwind Sales"));
      nina.awaitText("No identities yet");
      nina.screenshot("dashboard-empty");
      assertEquals(List.of(), nina.accessibilityViolations());
    }
  }

  @Test
  void shouldShowTheCardsAndTheRowCountAnInvitationOnceItIsAccepted() throws Exception {
    PlatformClient platform = LocalPlatform.client();
    String name = "Kai " + run;
    String identity = platform.createIdentity(name).then().statusCode(201).extract().path("id");
    platform
        .api()
        .body(PlatformClient.ALWAYS_WORKING)
        .put(platform.identities + "/api/identities/" + identity + "/working-hours")
        .then()
        .statusCode(200);
    LocalPlatform.awaitFound(platform.linkedIn + "/api/linkedin/identities/" + identity);
    String account = "max+" + run + "@example.com";
    platform
        .api()
        .body(Map.of("identityId", identity, "email", account, "password", DemoAccounts.PASSWORD))
        .post(platform.linkedIn + "/api/linkedin/connections")
        .then()
        .statusCode(200);

    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      maria.open("/?q=kai+" + run);
      maria.await(d -> d.findElement(By.id("results")).getText().contains("LinkedIn connected"));
      assertTrue(maria.text().contains("0 accepted of 0 sent"), maria.text());

      platform
          .api()
          .body(
              Map.of(
                  "type",
                  "linkedin.invitation.send",
                  "person",
                  "https://www.linkedin.com/in/alan-turing"))
          .post(platform.linkedIn + "/api/linkedin/identities/" + identity + "/actions")
          .then()
          .statusCode(202);
      awaitOnReload(maria, "0 accepted of 1 sent"); // the card: the search keeps Kai alone
      given()
          .post(SIMULATOR + "/simulator/accounts/" + account + "/invitations/alan-turing/accept")
          .then()
          .statusCode(200);
      awaitOnReload(maria, "1 accepted of 1 sent");
      assertEquals("1 of 1", rowFigure(maria, "Connections"), "the row's own figures");

      // the email half: an inbox of its own, an email sent to a lead, and the lead's answer
      String address = "kai-" + run + "@sales.example";
      openMailbox(address);
      platform.connectInbox(identity, address, address);
      awaitOnReload(maria, address); // the row's inbox badge
      String send =
          platform.send(
              identity,
              UUID.randomUUID().toString(),
              "lead@prospect.example",
              "Hello from " + run,
              "Would you have a minute?");
      awaitOnReload(maria, "of 1 email sent"); // the bounce rate's card
      String messageId =
          platform
              .api()
              .get(platform.email + "/api/email/identities/" + identity + "/sends/" + send)
              .path("messageId");
      answer(address, messageId);
      awaitOnReload(maria, "1 email with a reply"); // read from the inbox over IMAP, counted
      assertEquals("1", rowFigure(maria, "Replied"), "the row's own figures");
    }
  }

  @Test
  void shouldSayWhichPartOfAPageCannotBeShownWhileAServiceIsDown() throws Exception {
    String name = "Ivo " + run;
    String identity =
        LocalPlatform.client().createIdentity(name).then().statusCode(201).extract().path("id");
    // two more replicas of the console, each with a service out of its reach; the browser's
    // session (its cookies) is good for every replica, as behind a load balancer
    ServiceProcess console = ServiceProcess.listeningOn(LocalPlatform.CONSOLE_PORT);
    ServiceProcess gatewaysDown =
        console
            .replicaOn(freePort(), Files.createTempFile("console-gateways-down", ".log").toFile())
            .with("LINKEDIN_GATEWAY_URL", "http://localhost:" + freePort())
            .with("WARMUP_SERVICE_URL", "http://localhost:" + freePort())
            .start();
    ServiceProcess identitiesDown =
        console
            .replicaOn(freePort(), Files.createTempFile("console-identities-down", ".log").toFile())
            .with("IDENTITIES_SERVICE_URL", "http://localhost:" + freePort())
            .start();
    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");

      maria.driver().get(gatewaysDown.url() + "/?q=ivo+" + run);
      maria.await(d -> d.findElement(By.id("results")).getText().contains(name));
      String row = maria.driver().findElement(By.cssSelector("#results .row")).getText();
      assertTrue(row.contains("LinkedIn state unavailable"), row);
      assertTrue(row.contains("No inbox"), "email-gateway still answers: " + row);
      assertTrue(maria.text().contains("Connections"), "the cards still show");
      assertEquals(List.of(), maria.accessibilityViolations());

      maria.driver().get(identitiesDown.url() + "/?q=ivo+" + run);
      maria.awaitText("The figures cannot be shown right now");
      assertTrue(maria.text().contains("The identities cannot be listed right now"));
      assertTrue(maria.text().contains("María García"), "the page itself still works");
      maria.field("Search by name").sendKeys(Keys.chord(Keys.CONTROL, "a"), "nobody");
      maria.await(d -> d.getCurrentUrl().contains("q=nobody")); // the search still answers
      assertTrue(maria.text().contains("The identities cannot be listed right now"));

      maria.driver().get(identitiesDown.url() + "/identities/" + identity);
      maria.awaitText("A service is not answering");
      assertEquals(List.of(), maria.accessibilityViolations());
    } finally {
      gatewaysDown.stop();
      identitiesDown.stop();
    }

    // the identity provider out of reach: the console's own page says nobody can sign in
    ServiceProcess providerDown =
        console
            .replicaOn(freePort(), Files.createTempFile("console-provider-down", ".log").toFile())
            .with("OIDC_AUTH_SERVER_URL", "http://localhost:" + freePort() + "/realms/identities")
            .start();
    try {
      Response visitor = given().redirects().follow(false).get(providerDown.url() + "/");
      assertEquals(503, visitor.statusCode());
      assertTrue(visitor.asString().contains("Sign-in is not available"), visitor.asString());
      assertTrue(visitor.header("Content-Security-Policy").contains("script-src 'self'"));
    } finally {
      providerDown.stop();
    }
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The figure the list's (only) row shows under {@code name}. */
  private static String rowFigure(ConsoleBrowser browser, String name) {
    return browser
        .driver()
        .findElement(
            By.xpath(
                "//*[@id='results']//*[contains(@class,'row')]//dt[.='"
                    + name
                    + "']/following-sibling::dd"))
        .getText();
  }

  /**
   * A mailbox of the run's mail server for this test alone: the first mail to an address opens it,
   * its password the address (GreenMail's way).
   */
  private static void openMailbox(String address) throws Exception {
    MimeMessage welcome = new MimeMessage(smtp());
    welcome.setFrom("postmaster@sales.example");
    welcome.setRecipients(Message.RecipientType.TO, address);
    welcome.setSubject("Your new mailbox");
    welcome.setText("Welcome.");
    Transport.send(welcome);
  }

  /** The lead answers the email {@code messageId} that {@code address} sent them. */
  private static void answer(String address, String messageId) throws Exception {
    MimeMessage reply = new MimeMessage(smtp());
    reply.setFrom("lead@prospect.example");
    reply.setRecipients(Message.RecipientType.TO, address);
    reply.setSubject("Re: Hello");
    reply.setHeader("In-Reply-To", messageId);
    reply.setText("Sure, call me.");
    Transport.send(reply);
  }

  private static Session smtp() {
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", "127.0.0.1");
    smtp.put("mail.smtp.port", String.valueOf(LocalPlatform.SMTP_PORT));
    return Session.getInstance(smtp);
  }

  /**
   * Reloads the page every two seconds, as a person waiting for news would, until it says {@code
   * words} (within 90 s: an inbox is read every few seconds, an email sent within its slot).
   */
  private static void awaitOnReload(ConsoleBrowser browser, String words) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(90), Duration.ofSeconds(2))
        .until(
            d -> {
              d.navigate().refresh();
              return d.findElement(By.tagName("body")).getText().contains(words);
            });
  }

  @Test
  void shouldGuardItsPagesWithHeadersSealedCookiesAndCsrfTokens() throws Exception {
    Response visitor = given().redirects().follow(false).get(CONSOLE + "/");
    assertEquals(302, visitor.statusCode());
    assertTrue(visitor.header("Location").contains("code_challenge_method=S256"), "PKCE");
    String policy = visitor.header("Content-Security-Policy");
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertEquals("DENY", visitor.header("X-Frame-Options"));
    assertEquals("nosniff", visitor.header("X-Content-Type-Options"));

    try (ConsoleBrowser maria = new ConsoleBrowser(CONSOLE)) {
      maria.signIn("maria", "maria-dev-password");
      Set<Cookie> cookies = maria.driver().manage().getCookies();
      List<Cookie> session =
          cookies.stream().filter(c -> c.getName().startsWith("q_session")).toList();
      assertTrue(!session.isEmpty(), "the session is in cookies: " + cookies);
      for (Cookie cookie : session) {
        assertTrue(cookie.isHttpOnly() && cookie.isSecure(), cookie.toString());
        assertEquals("Lax", cookie.getSameSite(), cookie.toString());
        assertTrue(!cookie.getValue().contains("maria"), "sealed, not readable: " + cookie);
      }

      // a form posted from elsewhere (the session's cookies, no CSRF token) is refused
      Map<String, String> jar = new HashMap<>();
      cookies.forEach(c -> jar.put(c.getName(), c.getValue()));
      given()
          .redirects()
          .follow(false)
          .cookies(jar)
          .formParam("identityName", "Forged " + run)
          .post(CONSOLE + "/identities/new/share")
          .then()
          .statusCode(400);

      signInToLinkedIn(maria, "Wes " + run, "nobody-" + run + "@example.com");
      maria.await(d -> d.findElements(By.cssSelector("[role=alert]")).size() > 0);
      assertTrue(
          !maria.driver().getPageSource().contains(DemoAccounts.PASSWORD),
          "the password is never written back");
    }
  }

  private void signInToLinkedIn(ConsoleBrowser browser, String name, String email) {
    fillInLinkedInSignIn(browser, name, email);
    browser.press("Connect LinkedIn");
  }

  private void fillInLinkedInSignIn(ConsoleBrowser browser, String name, String email) {
    browser.open("/identities/new?way=credentials");
    browser.field("Identity name").sendKeys(name);
    browser.field("LinkedIn email").sendKeys(email);
    browser.field("LinkedIn password").sendKeys(DemoAccounts.PASSWORD);
  }

  /** A small PNG portrait: a colored square. */
  private static File picture() throws Exception {
    BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0x1d4ed8));
    graphics.fillRect(0, 0, 96, 96);
    graphics.setColor(Color.WHITE);
    graphics.fillOval(24, 16, 48, 48);
    graphics.dispose();
    File file = Files.createTempFile("portrait", ".png").toFile();
    ImageIO.write(image, "png", file);
    file.deleteOnExit();
    return file;
  }
}
