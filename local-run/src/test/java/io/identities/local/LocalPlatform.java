package io.identities.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  static final int CONSOLE_PORT = 8080 + OFFSET;
  static final String CONSOLE = "http://localhost:" + CONSOLE_PORT;
  static final String IDENTITIES = "http://localhost:" + (8081 + OFFSET);
  static final String LINKEDIN = "http://localhost:" + (8082 + OFFSET);
  static final String EMAIL = "http://localhost:" + (8083 + OFFSET);
  static final String WARMUP = "http://localhost:" + (8084 + OFFSET);
  static final String LINKEDIN_REPLICA = "http://localhost:" + (8086 + OFFSET);
  static final String SIMULATOR = "http://127.0.0.1:" + (8090 + OFFSET);
  static final int SMTP_PORT = 3025 + OFFSET;
  static final int IMAP_PORT = 3143 + OFFSET;

  /** The platform LocalRunIT and LinkedInActionsIT share: linkedin-gateway in two replicas. */
  private static final LocalPlatform SHARED =
      new LocalPlatform(
          OFFSET,
          "_e2e",
          "identities-e2e",
          Map.of(
              "LINKEDIN_GATEWAY_REPLICAS", "2",
              "MAIL_SERVER_LOAD_MAILBOXES", "2",
              "LINKEDIN_ACTIONS_MINIMUM_GAP", "1s",
              "LINKEDIN_ACTIONS_MAXIMUM_GAP", "2s",
              "LINKEDIN_ACTIONS_INVITATION_CHECK_INTERVAL", "2s",
              "LINKEDIN_ACTIONS_INVITATION_CHECK_TICK", "1s"));

  private final int offset;
  private final String databaseSuffix;
  private final String virtualHost;
  private final Map<String, String> environment;
  private final StringBuffer output = new StringBuffer();
  private Process platform;
  private String token;

  /**
   * A platform of its own: ports shifted by {@code offset}, databases named with {@code
   * databaseSuffix}, its own RabbitMQ virtual host, and the run command's other {@code
   * environment}.
   */
  LocalPlatform(
      int offset, String databaseSuffix, String virtualHost, Map<String, String> environment) {
    this.offset = offset;
    this.databaseSuffix = databaseSuffix;
    this.virtualHost = virtualHost;
    this.environment = environment;
  }

  /** The dev token the shared platform's run command printed, once it runs. */
  static String token() throws Exception {
    return SHARED.startedToken();
  }

  /** The API of the shared platform's organization, for the dev token; the platform runs. */
  static PlatformClient client() throws Exception {
    return new PlatformClient(SHARED, SHARED.startedToken());
  }

  /** What the shared platform's run command printed so far. */
  static String output() {
    return SHARED.printed();
  }

  /**
   * Waits until the shared platform's service knows what {@code url} names (the events have been
   * consumed); the platform runs.
   */
  static void awaitFound(String url) {
    String token = SHARED.token;
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> given().auth().oauth2(token).get(url).statusCode() == 200);
  }

  /** Starts the platform if it is not running yet; answers the dev token its run printed. */
  synchronized String startedToken() throws Exception {
    if (token == null) {
      start();
    }
    return token;
  }

  /**
   * The address of the service on {@code port} of the run (8081 to 8097), shifted by its offset.
   */
  String url(int port) {
    return "http://localhost:" + (port + offset);
  }

  /** {@code port} of the run (the mail server's 3025, 3143...), shifted by its offset. */
  int port(int port) {
    return port + offset;
  }

  /** Where the run keeps its keys and logs. */
  File stateDirectory() {
    return new File("target/local" + databaseSuffix).getAbsoluteFile();
  }

  /** What the run command printed so far. */
  String printed() {
    return output.toString();
  }

  private void start() throws Exception {
    forgetEarlierRuns();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "run", "--no-build")
            .directory(new File(".").getAbsoluteFile())
            .redirectErrorStream(true);
    builder.environment().put("PORT_OFFSET", String.valueOf(offset));
    builder.environment().put("DB_SUFFIX", databaseSuffix);
    builder.environment().put("RABBITMQ_VHOST", virtualHost);
    builder.environment().putAll(environment);
    platform = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    CompletableFuture<String> printedToken = CompletableFuture.supplyAsync(this::readToken);
    token = printedToken.get(300, TimeUnit.SECONDS);
    assertNotNull(token, () -> "the run command printed no token:\n" + output);
  }

  /**
   * Drops the run's databases and virtual host, which an earlier run on this machine left behind:
   * each run starts as a new platform does (a LinkedIn account an earlier run connected, say, is
   * not another identity's here).
   */
  private void forgetEarlierRuns() throws Exception {
    for (String service :
        List.of("identities_service", "linkedin_gateway", "email_gateway", "warmup_service")) {
      command(
          "psql",
          "-h",
          "127.0.0.1",
          "-U",
          "postgres",
          "-qc",
          "drop database if exists \"" + service + databaseSuffix + "\" with (force)");
    }
    command("bash", "-c", "rabbitmqctl -q delete_vhost '" + virtualHost + "' || true");
  }

  private static void command(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), () -> String.join(" ", command) + ": " + output);
  }

  /** Stops the platform as Ctrl-C would: the script stops the services itself. */
  synchronized void stop() {
    if (platform == null || !platform.isAlive()) {
      return;
    }
    platform.destroy(); // SIGTERM
    try {
      if (!platform.waitFor(60, TimeUnit.SECONDS)) {
        platform.descendants().forEach(ProcessHandle::destroyForcibly);
        platform.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String readToken() {
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
  private void drainInBackground(BufferedReader lines) {
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
