package io.identities.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start benchmark ({@code local-run/bench-start}): each service's JVM start (from {@code java
 * -jar} to {@code /q/health/ready} answering 200) and its resident memory once idle, beside a bare
 * Quarkus REST application ({@code local-run/bare-service}) started the same way on the same
 * machine in the same run, and each service again without Flyway's check at start, to show what
 * that costs, and with a class-data sharing archive of their classes, to show what loading them
 * costs. The services are replicas of a local run of their own (ports +22000, below the ephemeral
 * range its polling draws on; databases {@code *_bench_start}), so they start with their real
 * configuration, database and broker. Medians of {@code bench.runs} starts each (default 3), taken
 * in turns; written to {@code target/bench-start.md}.
 */
class StartBenchmark {

  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final Duration IDLE = Duration.ofSeconds(5);
  private static final Map<String, Integer> SERVICES =
      new TreeMap<>(
          Map.of(
              "identities-service", 8081,
              "linkedin-gateway", 8082,
              "email-gateway", 8083,
              "warmup-service", 8084));
  private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
  private static final Pattern COUNTER = Pattern.compile("([a-zA-Z.]+)=([0-9]+)");

  @Test
  void startEachServiceBesideABareQuarkusApplication() throws Exception {
    LocalPlatform platform =
        new LocalPlatform(22_000, "_bench_start", "identities-bench-start", Map.of());
    platform.startedToken();
    File logs = platform.stateDirectory();
    Map<String, ServiceProcess> candidates = new LinkedHashMap<>();
    candidates.put(
        "bare Quarkus REST app (the floor)",
        ServiceProcess.ofJar(
            new File("bare-service/target/quarkus-app/quarkus-run.jar").getAbsoluteFile(),
            platform.port(8099),
            new File(logs, "bare-service.log")));
    int port = 8100;
    for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
      ServiceProcess replica =
          ServiceProcess.listeningOn(platform.port(service.getValue()))
              .replicaOn(platform.port(port++), new File(logs, service.getKey() + "-bench.log"));
      candidates.put(service.getKey(), replica);
      candidates.put(
          service.getKey() + " without Flyway at start",
          replica.with("QUARKUS_FLYWAY_MIGRATE_AT_START", "false"));
      candidates.put(
          service.getKey() + " with a CDS archive of its classes",
          withClassArchive(replica, new File(logs, service.getKey() + ".jsa")));
    }

    Map<String, List<Start>> starts = new LinkedHashMap<>();
    candidates.keySet().forEach(name -> starts.put(name, new ArrayList<>()));
    for (int run = 0; run < RUNS; run++) {
      for (Map.Entry<String, ServiceProcess> candidate : candidates.entrySet()) {
        starts.get(candidate.getKey()).add(started(candidate.getValue()));
      }
    }
    platform.stop();

    Start floor = Start.median(starts.get("bare Quarkus REST app (the floor)"));
    StringBuilder table =
        new StringBuilder(
            "| JVM | ready after (java -jar to /q/health/ready) | Quarkus' own \"started in\" | idle RSS"
                + " | x floor (start / RSS) | classes loaded | time loading classes |\n"
                + "|---|---|---|---|---|---|---|\n");
    starts.forEach(
        (name, all) -> {
          Start median = Start.median(all);
          table.append(
              String.format(
                  "| %s | %,d ms | %,d ms | %,d MiB | %.1f / %.1f | %,d | %,d ms |%n",
                  name,
                  median.ready().toMillis(),
                  median.quarkus().toMillis(),
                  median.residentKilobytes() / 1024,
                  (double) median.ready().toMillis() / floor.ready().toMillis(),
                  (double) median.residentKilobytes() / floor.residentKilobytes(),
                  median.classes(),
                  median.loading().toMillis()));
        });
    String report =
        table
            + String.format(
                "%nMedians of %d starts each, taken in turns; RSS %d s after ready, idle.%n",
                RUNS, IDLE.toSeconds());
    Files.writeString(new File("target/bench-start.md").toPath(), report);
    System.out.println(report);
    assertTrue(floor.ready().toMillis() > 0, "the floor started");
  }

  /**
   * The service started with a class-data sharing archive of the classes it loads (JDK 17's dynamic
   * CDS), written by one start and stop before.
   */
  private static ServiceProcess withClassArchive(ServiceProcess service, File archive)
      throws InterruptedException {
    ServiceProcess training =
        service.with("JDK_JAVA_OPTIONS", "-XX:ArchiveClassesAtExit=" + archive);
    training.timedStart();
    training.stop();
    assertTrue(archive.isFile(), "the JVM wrote " + archive);
    return service.with("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=" + archive);
  }

  private static Start started(ServiceProcess process) throws IOException, InterruptedException {
    long logged = process.logLength();
    Duration ready = process.timedStart();
    LockSupport.parkNanos(IDLE.toNanos());
    long resident = process.residentKilobytes();
    Map<String, Long> counters = counters(process.pid());
    process.kill();
    return new Start(
        ready,
        quarkusStart(process.logSince(logged)),
        resident,
        counters.get("java.cls.loadedClasses"),
        Duration.ofNanos(
            counters.get("sun.cls.time") * 1_000_000_000L / counters.get("sun.os.hrt.frequency")));
  }

  /** The JVM's performance counters ({@code jcmd <pid> PerfCounter.print}) that are numbers. */
  private static Map<String, Long> counters(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder("jcmd", String.valueOf(pid), "PerfCounter.print")
            .redirectErrorStream(true)
            .start();
    Map<String, Long> counters = new HashMap<>();
    for (String line : new String(jcmd.getInputStream().readAllBytes(), UTF_8).split("\n")) {
      Matcher counter = COUNTER.matcher(line);
      if (counter.matches()) {
        counters.put(counter.group(1), Long.parseLong(counter.group(2)));
      }
    }
    jcmd.waitFor();
    return counters;
  }

  private static Duration quarkusStart(String log) {
    Matcher started = QUARKUS_STARTED.matcher(log);
    if (!started.find()) {
      throw new IllegalStateException("no 'started in' in the log:\n" + log);
    }
    return Duration.ofMillis(Math.round(Double.parseDouble(started.group(1)) * 1000));
  }

  /**
   * One start: until ready, as Quarkus counts it, the resident memory once idle, and the classes
   * the JVM loaded and the time it spent loading them.
   */
  private record Start(
      Duration ready, Duration quarkus, long residentKilobytes, long classes, Duration loading) {

    static Start median(List<Start> starts) {
      return new Start(
          middle(starts, Start::ready),
          middle(starts, Start::quarkus),
          middle(starts, Start::residentKilobytes),
          middle(starts, Start::classes),
          middle(starts, Start::loading));
    }

    private static <T extends Comparable<T>> T middle(
        List<Start> starts, Function<Start, T> figure) {
      return starts.stream().map(figure).sorted().toList().get(starts.size() / 2);
    }
  }
}
