package io.identities.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The platform the end-to-end tests drive, started once for all of them with the README's run
 * command, {@code local-run/run --no-build} (own databases, virtual host and ports, so it cannot
 * disturb a developer's running platform; linkedin-gateway in two replicas on one database), and
 * stopped when the tests' JVM ends, as Ctrl-C would.
 */
final class LocalPlatform {

  static final int OFFSET = 10_000;
  static final String IDENTITIES = "http://localhost:" + (8081 + OFFSET);
  static final String LINKEDIN = "http://localhost:" + (8082 + OFFSET);
  static final String EMAIL = "http://localhost:" + (8083 + OFFSET);
  static final String WARMUP = "http://localhost:" + (8084 + OFFSET);
  static final String LINKEDIN_REPLICA = "http://localhost:" + (8086 + OFFSET);
  static final String SIMULATOR = "http://127.0.0.1:" + (8090 + OFFSET);
  static final int SMTP_PORT = 3025 + OFFSET;
  static final int IMAP_PORT = 3143 + OFFSET;

  private static final StringBuffer output = new StringBuffer();
  private static Process platform;
  private static String token;

  private LocalPlatform() {}

  /** The dev token the run command printed, once the platform runs. */
  static synchronized String token() throws Exception {
    if (token == null) {
      start();
    }
    return token;
  }

  /** What the run command printed so far. */
  static String output() {
    return output.toString();
  }

  /** Waits until the service knows what {@code url} names (the events have been consumed). */
  static void awaitFound(String url) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> given().auth().oauth2(token).get(url).statusCode() == 200);
  }

  private static void start() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "run", "--no-build")
            .directory(new File(".").getAbsoluteFile())
            .redirectErrorStream(true);
    builder.environment().put("PORT_OFFSET", String.valueOf(OFFSET));
    builder.environment().put("DB_SUFFIX", "_e2e");
    builder.environment().put("RABBITMQ_VHOST", "identities-e2e");
    builder.environment().put("ORG_ID", "org-" + UUID.randomUUID());
    builder.environment().put("LINKEDIN_GATEWAY_REPLICAS", "2");
    builder.environment().put("LINKEDIN_ACTIONS_MINIMUM_GAP", "1s");
    builder.environment().put("LINKEDIN_ACTIONS_MAXIMUM_GAP", "2s");
    builder.environment().put("LINKEDIN_ACTIONS_INVITATION_CHECK_INTERVAL", "2s");
    builder.environment().put("LINKEDIN_ACTIONS_INVITATION_CHECK_TICK", "1s");
    platform = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(LocalPlatform::stop));
    CompletableFuture<String> printedToken =
        CompletableFuture.supplyAsync(LocalPlatform::readToken);
    token = printedToken.get(300, TimeUnit.SECONDS);
    assertNotNull(token, () -> "the run command printed no token:\n" + output);
  }

  private static void stop() {
    platform.destroy(); // SIGTERM: the script stops the services itself, as on Ctrl-C
    try {
      if (!platform.waitFor(60, TimeUnit.SECONDS)) {
        platform.descendants().forEach(ProcessHandle::destroyForcibly);
        platform.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readToken() {
    BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("TOKEN=")) {
          drainInBackground(lines);
          return line.substring("TOKEN=".length());
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Keeps reading the script's output so it never blocks on a full pipe. */
  private static void drainInBackground(BufferedReader lines) {
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.append(line).append('\n');
                }
              } catch (IOException e) {
                // the platform stopped
              }
            });
    drain.setDaemon(true);
    drain.start();
  }
}
