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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the public pages: Debian's Chromium through its chromedriver (named
 * explicitly, so Selenium never looks for one on the internet), headless, in its narrowest window,
 * with JavaScript turned off (the pages must not need it), on a profile of its own.
 */
public final class Chromium implements AutoCloseable {

  private final Path profile;
  private final ChromeDriverService driverService;
  private final WebDriver browser;

  public Chromium() {
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

  public WebDriver browser() {
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

  /** Presses the button that reads {@code text}, and waits for the page its form leads to. */
  public void press(String text) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(By.xpath("//button[normalize-space()=\"" + text + "\"]")).click();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        page.isEnabled(); // answers until the next page replaced this one
      } catch (StaleElementReferenceException replaced) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("pressing '" + text + "' led to no new page");
      }
      Thread.onSpinWait();
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
