package io.identities.local;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A service process of a running local platform, as the operating system shows it (its command,
 * environment and folder), which a test can start a second replica of (the same process on another
 * port), kill with SIGKILL, and start again, as Kubernetes would.
 */
final class ServiceProcess {

  private final List<String> command;
  private final Map<String, String> environment;
  private final File directory;
  private final File log;
  private Process process;

  private ServiceProcess(
      List<String> command, Map<String, String> environment, File directory, File log) {
    this.command = command;
    this.environment = environment;
    this.directory = directory;
    this.log = log;
  }

  /** The service of the local run listening on {@code port} (to copy: it is not ours to stop). */
  static ServiceProcess listeningOn(int port) {
    ProcessHandle found =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
            .filter(p -> String.valueOf(port).equals(environment(p).get("QUARKUS_HTTP_PORT")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no service listens on " + port));
    List<String> command = new ArrayList<>();
    command.add(found.info().command().orElseThrow());
    command.addAll(List.of(found.info().arguments().orElse(new String[0])));
    File directory;
    try {
      directory = Files.readSymbolicLink(Path.of("/proc", found.pid() + "", "cwd")).toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServiceProcess(command, environment(found), directory, null);
  }

  /** The same service on {@code port}, not started yet, logging to {@code log}. */
  ServiceProcess replicaOn(int port, File log) {
    Map<String, String> replica = new HashMap<>(environment);
    replica.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    return new ServiceProcess(command, replica, directory, log);
  }

  /** A Quarkus application of our own, {@code java -jar jar}, on {@code port}, not started yet. */
  static ServiceProcess ofJar(File jar, int port, File log) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    return new ServiceProcess(
        List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.getPath()),
        environment,
        jar.getParentFile(),
        log);
  }

  /** The same process with one more environment variable. */
  ServiceProcess with(String variable, String value) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put(variable, value);
    return new ServiceProcess(command, changed, directory, log);
  }

  /** Starts the process and waits until it is ready. */
  ServiceProcess start() {
    launch();
    awaitReady(Duration.ofMillis(500));
    return this;
  }

  /** Starts the process and answers how long it took to be ready (watched every 20 ms). */
  Duration timedStart() {
    long started = System.nanoTime();
    launch();
    awaitReady(Duration.ofMillis(20));
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** The resident memory of the running process, in KiB ({@code VmRSS}). */
  long residentKilobytes() {
    try {
      return Files.readAllLines(Path.of("/proc", process.pid() + "", "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running process's id. */
  long pid() {
    return process.pid();
  }

  /** How long its log is now (to read what a start adds with {@link #logSince}). */
  long logLength() {
    return log.length();
  }

  /** What its log got after {@code length}. */
  String logSince(long length) {
    try {
      String all = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      return all.substring((int) Math.min(length, all.length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
  }

  private void awaitReady(Duration poll) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollDelay(Duration.ZERO)
        .pollInterval(poll)
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the process stopped; see " + log);
              }
              return given().get(url() + "/q/health/ready").statusCode() == 200;
            });
  }

  /** Stops the process as Kubernetes would (SIGTERM) and waits until it has. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** Kills the process at once (SIGKILL): nothing of its own shutdown runs. */
  void kill() {
    Optional.ofNullable(process).ifPresent(Process::destroyForcibly);
    try {
      if (process != null) {
        process.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String url() {
    return "http://localhost:" + environment.get("QUARKUS_HTTP_PORT");
  }

  private static Map<String, String> environment(ProcessHandle process) {
    Map<String, String> variables = new HashMap<>();
    try {
      String all =
          Files.readString(Path.of("/proc", process.pid() + "", "environ"), StandardCharsets.UTF_8);
      for (String variable : all.split("\0")) {
        int equals = variable.indexOf('=');
        if (equals > 0) {
          variables.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      // not ours to read, or gone: not the one
    }
    return variables;
  }
}
