package io.identities.linkedin.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.schedule.WorkerPool;
import io.identities.backbone.tenant.TenantContext;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.support.ActionsApi;
import io.identities.linkedin.support.ActionsScenario;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInAccounts.Connected;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.simulator.linkedin.VoyagerCall;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Benchmark (local-run/bench-linkedin; not part of the test suite), each figure beside a floor
 * measured in the same run:
 *
 * <ol>
 *   <li>Decisions: 5 000 connected identities with a day of queued actions each (20 invitations,
 *       100 messages: 600 000 actions, all due), decided by two workers: each decision locks the
 *       identity, reads its due actions and usage, starts the first action and sets the pacing gap
 *       before the next. Floor: the same two workers only locking each identity and reading its due
 *       actions over JDBC.
 *   <li>Delay: 100 connected identities with a profile visit each due at one instant, run by the
 *       gateway's workers (8, polling every second): the time from that instant to each visit
 *       reaching the simulator. Floor: one profile read sent straight to the simulator.
 * </ol>
 */
@QuarkusTest
@TestProfile(ActionsBenchmark.WorkersRunByTheBenchmark.class)
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
@Tag("benchmark")
class ActionsBenchmark {

  private static final int IDENTITIES = Integer.getInteger("bench.identities", 5_000);
  private static final int INVITATIONS = 20;
  private static final int MESSAGES = 100;
  private static final int WORKERS = 2;
  private static final int DUE_TOGETHER = 100;

  /** The gateway's default workers (the profile sets 0, so the benchmark runs them itself). */
  private static final int GATEWAY_WORKERS = 8;

  /** The benchmark runs the workers itself, to time them. */
  public static class WorkersRunByTheBenchmark implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "linkedin.actions.workers", "0",
          "linkedin.actions.poll-interval", "1s",
          "linkedin.actions.invitation-check-tick", "1h",
          "linkedin.actions.auto-withdrawal-tick", "1h");
    }
  }

  @RegisterExtension final ActionsScenario scenario = new ActionsScenario();

  @Inject AgroalDataSource database;
  @Inject ActionScheduler scheduler;
  @Inject ActionsConfig config;
  @Inject SecretCipher cipher;
  @Inject ObjectMapper json;
  @Inject ConnectionService connections;

  private final List<String> report = new ArrayList<>();

  @Test
  void measure() throws Exception {
    scenario.clock().reset(); // real time: the delay is measured against the simulator's clock
    String org = "bench-" + UUID.randomUUID();
    List<UUID> identities = insertIdentities(org);
    insertDayOfActions(org);
    report(
        "%d identities, %d queued actions each (%d invitations, %d messages), %d workers",
        IDENTITIES, INVITATIONS + MESSAGES, INVITATIONS, MESSAGES, WORKERS);

    double floor = perSecond(identities, this::lockAndRead);
    report("floor: lock the identity and read its due actions (JDBC): %.0f identities/s", floor);
    double decisions =
        perSecond(
            identities,
            identity -> {
              Arc.container().instance(TenantContext.class).get().actFor(org);
              scheduler.decide(identity);
            });
    report(
        "decisions (lock, due actions, usage, slots; start the first, pace the next): %.0f identities/s",
        decisions);
    report("  = %.0f actions decided/s", decisions * (INVITATIONS + MESSAGES));
    assertEquals(
        IDENTITIES,
        count("select count(*) from linkedin_action where org_id = ? and status = 'RUNNING'", org));
    execute("delete from linkedin_identity where org_id = ?", org);

    measureDelay();
    Path out = Path.of("target", "bench-linkedin.txt");
    Files.write(out, report);
  }

  private void measureDelay() throws Exception {
    List<Connected> accounts = new ArrayList<>();
    for (int i = 0; i < DUE_TOGETHER; i++) {
      accounts.add(
          scenario.connect(
              LinkedInAccounts.defaults().workingHours(IdentitySnapshots.alwaysWorking("UTC")),
              false));
    }
    List<UUID> visits = new ArrayList<>();
    for (Connected account : accounts) {
      visits.add(
          scenario.actions.ask(
              account.identity(),
              EventTypes.LINKEDIN_PROFILE_VISIT,
              ActionsApi.profile("alan-turing"),
              Map.of()));
    }
    Instant due = Instant.now().plusSeconds(3);
    execute(
        "update linkedin_action set not_before = ? where org_id = ?",
        Timestamp.from(due),
        scenario.org);
    WorkerPool workers =
        new WorkerPool("bench", GATEWAY_WORKERS, config.pollInterval(), scheduler::runDue);
    workers.start();
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  count(
                          "select count(*) from linkedin_action where org_id = ? and status = 'DONE'",
                          scenario.org)
                      == DUE_TOGETHER);
    } finally {
      workers.stop();
    }
    List<Long> delays = new ArrayList<>();
    for (Connected account : accounts) {
      VoyagerCall visit =
          scenario.linkedIn.voyagerCalls(account.email()).stream()
              .filter(call -> call.path().contains("/identity/dash/profiles"))
              .findFirst()
              .orElseThrow();
      delays.add(Duration.between(due, visit.at()).toMillis());
    }
    report(
        "floor: one profile read straight to the simulator: p50 %d ms",
        percentile(directProfileReads(accounts.get(0)), 50));
    report(
        "delay from the due slot to the visit reaching the simulator (%d due at once, %d workers polling every %s): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
        DUE_TOGETHER,
        GATEWAY_WORKERS,
        config.pollInterval(),
        percentile(delays, 50),
        percentile(delays, 90),
        percentile(delays, 99),
        Collections.max(delays));
  }

  /** The time of 50 profile reads sent to the simulator with the account's session, in ms. */
  private List<Long> directProfileReads(Connected account) throws Exception {
    Arc.container().instance(TenantContext.class).get().actFor(scenario.org);
    LinkedIn.Session session =
        QuarkusTransaction.requiringNew()
            .call(() -> connections.session(connections.identity(account.identity())));
    HttpClient http = HttpClient.newHttpClient();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      http.send(
          HttpRequest.newBuilder(
                  URI.create(
                      scenario.linkedIn.baseUrl()
                          + "/voyager/api/identity/dash/profiles?q=memberIdentity&memberIdentity=alan-turing"))
              .header("Cookie", "li_at=" + session.liAt() + "; JSESSIONID=" + session.jsessionId())
              .header("csrf-token", session.jsessionId().replace("\"", ""))
              .header("x-restli-protocol-version", "2.0.0")
              .build(),
          HttpResponse.BodyHandlers.ofString());
      times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return times;
  }

  private List<UUID> insertIdentities(String org) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into linkedin_identity (identity_id, org_id, name, daily_connection_requests,"
                    + " daily_messages, status, identity_version, updated_at, sealed_session,"
                    + " connected_at, first_connected_at, last_checked_at, time_zone, working_week,"
                    + " invitations_checked_at)"
                    + " values (?, ?, 'Bench', ?, ?, 'CONNECTED', 0, now(), ?, now(),"
                    + " now() - interval '30 days', now(), 'UTC', ?, now() + interval '1 day')")) {
      String week = json.writeValueAsString(IdentitySnapshots.alwaysWorking("UTC").week());
      for (int i = 0; i < IDENTITIES; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        insert.setObject(1, id);
        insert.setString(2, org);
        insert.setInt(3, INVITATIONS);
        insert.setInt(4, MESSAGES);
        insert.setString(
            5,
            cipher.seal(
                json.writeValueAsString(new LinkedIn.Session("AQE-bench", "\"ajax:bench\"")),
                id.toString()));
        insert.setString(6, week);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return ids;
  }

  private void insertDayOfActions(String org) throws Exception {
    execute(
        "insert into linkedin_action (id, org_id, identity_id, kind, person, text, status,"
            + " not_before, created_at)"
            + " select gen_random_uuid(), i.org_id, i.identity_id,"
            + " case when g <= "
            + INVITATIONS
            + " then 'INVITATION' else 'MESSAGE' end,"
            + " 'https://www.linkedin.com/in/lead-' || g,"
            + " case when g > "
            + INVITATIONS
            + " then 'Hello' end, 'QUEUED', now() - interval '1 minute', now()"
            + " from linkedin_identity i, generate_series(1, "
            + (INVITATIONS + MESSAGES)
            + ") g where i.org_id = ?",
        org);
    execute("analyze linkedin_action");
  }

  /** The floor: what any decision costs the database at least. */
  private void lockAndRead(UUID identity) {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
              c.prepareStatement(
                  "select 1 from linkedin_identity where identity_id = ? for no key update skip locked");
          PreparedStatement due =
              c.prepareStatement(
                  "select id, kind, not_before from linkedin_action where identity_id = ?"
                      + " and status = 'QUEUED' and not_before <= now()"
                      + " order by not_before, queue_position limit 200 for update")) {
        lock.setObject(1, identity);
        lock.executeQuery().close();
        due.setObject(1, identity);
        due.executeQuery().close();
      }
      c.rollback();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Identities handled per second by {@link #WORKERS} threads, each in a request context. */
  private double perSecond(List<UUID> identities, Consumer<UUID> work) throws Exception {
    ConcurrentLinkedQueue<UUID> queue = new ConcurrentLinkedQueue<>(identities);
    ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
    long start = System.nanoTime();
    for (int i = 0; i < WORKERS; i++) {
      threads.execute(
          () -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
              for (UUID id = queue.poll(); id != null; id = queue.poll()) {
                work.accept(id);
              }
            } finally {
              context.terminate();
            }
          });
    }
    threads.shutdown();
    threads.awaitTermination(30, TimeUnit.MINUTES);
    return identities.size() / ((System.nanoTime() - start) / 1e9);
  }

  private long count(String sql, String org) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, org);
      var result = query.executeQuery();
      result.next();
      return result.getLong(1);
    }
  }

  private void execute(String sql, Object... parameters) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }

  private static long percentile(List<Long> values, int percent) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }

  private void report(String format, Object... values) {
    report.add(String.format(format, values));
    System.out.println(report.get(report.size() - 1));
  }
}
