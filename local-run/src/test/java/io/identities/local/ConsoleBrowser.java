package io.identities.local;

import io.identities.backbone.testing.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, as a person uses it: JavaScript on, a desktop's width, signing in
 * at Keycloak's page; it waits on what the page shows, never for a fixed time, takes the README's
 * screenshots and runs the accessibility engine (axe-core) in the page.
 */
final class ConsoleBrowser implements AutoCloseable {

  /** Where the README's screenshots are kept: the test makes them, so they stay true. */
  static final Path SCREENSHOTS = Path.of("..", "console", "screenshots");

  static final int DESKTOP = 1280;
  static final int PHONE = 390;

  private final Chromium chromium = Chromium.withJavaScript(DESKTOP);
  private final String console;

  ConsoleBrowser(String console) {
    this.console = console;
  }

  ChromeDriver driver() {
    return chromium.browser();
  }

  /** Opens {@code path} of the console. */
  void open(String path) {
    driver().get(console + path); // returns once the page has loaded, its deferred scripts run
  }

  /** Signs in at the identity provider's page, which the console sends a new visitor to. */
  void signIn(String user, String password) {
    open("/");
    await(d -> d.findElements(By.id("kc-login")).size() > 0);
    driver().findElement(By.id("username")).sendKeys(user);
    driver().findElement(By.id("password")).sendKeys(password);
    driver().findElement(By.id("kc-login")).click();
    await(
        d -> d.getCurrentUrl().startsWith(console) && d.findElements(By.id("results")).size() > 0);
  }

  /** The input a label names, as a person (or a screen reader) finds it. */
  WebElement field(String label) {
    return chromium.field(label);
  }

  /**
   * Presses the button (or follows the link) that reads {@code text}, and waits for the page it
   * leads to, its scripts run.
   */
  void press(String text) {
    chromium.press(text);
    await(d -> "complete".equals(driver().executeScript("return document.readyState")));
  }

  String heading() {
    return chromium.heading();
  }

  String text() {
    return chromium.text();
  }

  /**
   * Waits up to 20 s for {@code condition}, which reads the page; if it never holds, says where the
   * browser is and what the page says.
   */
  <T> T await(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver(), Duration.ofSeconds(20))
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "waited in vain at " + driver().getCurrentUrl() + ", where the page says:\n" + text(), e);
    }
  }

  /** Waits until the page's text says {@code words}. */
  void awaitText(String words) {
    await(d -> d.findElement(By.tagName("body")).getText().contains(words));
  }

  /**
   * Saves the page as {@code name}-1280.png and {@code name}-390.png among the README's
   * screenshots: a desktop's width and a phone's.
   */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      for (int width : List.of(DESKTOP, PHONE)) {
        emulate(width);
        Files.write(
            SCREENSHOTS.resolve(name + "-" + width + ".png"),
            driver().getScreenshotAs(OutputType.BYTES));
      }
      emulate(DESKTOP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void emulate(int width) {
    driver()
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
    await(d -> ((Number) driver().executeScript("return window.innerWidth")).intValue() == width);
  }

  /**
   * The serious and critical violations axe-core finds in the page (WCAG 2.1 A and AA), each as
   * "rule: the first offending element".
   */
  @SuppressWarnings("unchecked")
  List<String> accessibilityViolations() {
    driver().executeScript(AXE.get());
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, node: v.nodes[0].html}))));");
    return violations.stream().map(v -> v.get("id") + ": " + v.get("node")).toList();
  }

  /** axe-core's script, as Deque publishes it (in its Selenium integration's jar). */
  private static final java.util.function.Supplier<String> AXE =
      () -> {
        try (InputStream script = ConsoleBrowser.class.getResourceAsStream("/axe.min.js")) {
          return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };

  @Override
  public void close() throws IOException {
    chromium.close();
  }
}
