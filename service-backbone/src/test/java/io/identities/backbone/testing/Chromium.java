package io.identities.backbone.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser: Debian's Chromium through its chromedriver (named explicitly, so Selenium never
 * looks for one on the internet), headless, on a profile of its own. By default in its narrowest
 * window with JavaScript turned off (the public pages must not need it); {@link #withJavaScript}
 * for the console, which works without it but feels like an app with it.
 */
public final class Chromium implements AutoCloseable {

  private final Path profile;
  private final ChromeDriverService driverService;
  private final ChromeDriver browser;

  /** A phone's width, JavaScript off. */
  public Chromium() {
    this(false, 360, 740);
  }

  /** A window {@code width} pixels wide, JavaScript on. */
  public static Chromium withJavaScript(int width) {
    return new Chromium(true, width, 900);
  }

  private Chromium(boolean javaScript, int width, int height) {
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driverService, options);
    // headless Chromium widens a window to 500 pixels at least: a phone's width is emulated
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
  }

  public ChromeDriver browser() {
    return browser;
  }

  public void open(String url) {
    browser.get(url);
  }

  /** The input a label names, as a person (or a screen reader) finds it. */
  public WebElement field(String label) {
    String id =
        browser
            .findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]"))
            .getDomAttribute("for");
    return browser.findElement(By.id(id));
  }

  /**
   * Presses the button (or follows the link) that reads {@code text}, and waits for the page it
   * leads to.
   */
  public void press(String text) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser
        .findElement(
            By.xpath(
                "//button[normalize-space()=\""
                    + text
                    + "\"] | //a[normalize-space()=\""
                    + text
                    + "\"]"))
        .click();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!isGone(page)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("pressing '" + text + "' led to no new page");
      }
      Thread.onSpinWait();
    }
  }

  /** Whether {@code element}'s page has been replaced by another. */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled(); // answers until the next page replaced this one
      return false;
    } catch (StaleElementReferenceException replaced) {
      return true;
    } catch (WebDriverException replaced) {
      // Chromium may say so in its own words while the next page is being attached
      if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw replaced;
    }
  }

  public String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  public String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  @Override
  public void close() throws IOException {
    browser.quit();
    driverService.stop();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
