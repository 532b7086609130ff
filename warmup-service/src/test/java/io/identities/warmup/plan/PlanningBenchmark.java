package io.identities.warmup.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.schedule.WorkingWeekConverter;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.warmup.support.StripeSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (local-run/bench-warmup; not part of the test suite): planning one day of warm-up for 2
 * 000 warming inboxes (one per identity, 10 identities per organization, all on day 14 of their
 * ramp, so each plans its full 35 ± 15 %), on the test database.
 *
 * <ol>
 *   <li>Floor: the same number of warm-up email rows written by plain JDBC batches in one
 *       transaction, nothing decided: what any planner must at least do.
 *   <li>Planning: {@link DayPlanner#planDays()} as the scheduler calls it: for each inbox its
 *       target, its times inside working hours and its partners across organizations, one
 *       transaction per inbox.
 * </ol>
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(StripeSimulatorResource.class)
class PlanningBenchmark {

  private static final Instant MONDAY = Instant.parse("2026-12-07T00:00:01Z");

  @Inject DataSource database;
  @Inject DayPlanner planner;
  @Inject TestClock clock;

  @ConfigProperty(name = "bench.inboxes", defaultValue = "2000")
  int inboxes;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void planOneDayOfWarmupForTwoThousandInboxes() throws Exception {
    clock.set(MONDAY);
    warming(inboxes);

    long floorStart = System.nanoTime();
    int planned = countDay();
    long floorRows = floor(inboxes * 35L);
    double floorSeconds = (System.nanoTime() - floorStart) / 1e9;

    long start = System.nanoTime();
    int days = planner.planDays();
    double seconds = (System.nanoTime() - start) / 1e9;
    int emails = countDay() - planned;

    assertEquals(inboxes, days, "every inbox's day planned");
    assertTrue(emails > inboxes * 29, "day 14: 35 ± 15 % each, got " + emails);
    String report =
        String.format(
            "warm-up planning, %d warming inboxes (%d organizations), one day:%n"
                + "  floor (JDBC batch insert of %d rows, one transaction): %.2f s, %.0f rows/s%n"
                + "  planDays: %d days, %d emails in %.2f s: %.0f inboxes/s, %.0f emails/s"
                + " (%.1fx the floor's time per row)%n",
            inboxes,
            inboxes / 10,
            floorRows,
            floorSeconds,
            floorRows / floorSeconds,
            days,
            emails,
            seconds,
            days / seconds,
            emails / seconds,
            (seconds / emails) / (floorSeconds / floorRows));
    System.out.print(report);
    Files.writeString(Path.of("target/bench-warmup.txt"), report);
  }

  /** {@code count} identities with one connected inbox each, warming since 13 days. */
  private void warming(int count) throws Exception {
    String week =
        new WorkingWeekConverter()
            .convertToDatabaseColumn(IdentitySnapshots.alwaysWorking("UTC").week());
    Instant started = MONDAY.minus(Duration.ofDays(13));
    try (Connection connection = database.getConnection();
        PreparedStatement identity =
            connection.prepareStatement(
                "insert into warmup_identity (identity_id, org_id, name, identity_version,"
                    + " updated_at, time_zone, working_week) values (?, ?, 'Bench', 0, now(),"
                    + " 'UTC', ?)");
        PreparedStatement inbox =
            connection.prepareStatement(
                "insert into warmup_inbox (inbox_id, org_id, identity_id, address, status,"
                    + " changed_at) values (?, ?, ?, ?, 'CONNECTED', now())");
        PreparedStatement order =
            connection.prepareStatement(
                "insert into warmup_order (id, org_id, identity_id, idempotency_key, state,"
                    + " amount_cents, currency, created_at, paid_at, started_at, ends_at)"
                    + " values (?, ?, ?, ?, 'WARMING', 5000, 'EUR', ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String org = "bench-org-" + (i / 10);
        UUID identityId = UUID.randomUUID();
        identity.setObject(1, identityId);
        identity.setString(2, org);
        identity.setString(3, week);
        identity.addBatch();
        inbox.setObject(1, UUID.randomUUID());
        inbox.setString(2, org);
        inbox.setObject(3, identityId);
        inbox.setString(4, "inbox-" + i + "@domain-" + (i / 10) + ".example");
        inbox.addBatch();
        order.setObject(1, UUID.randomUUID());
        order.setString(2, org);
        order.setObject(3, identityId);
        order.setString(4, "bench-" + i);
        order.setTimestamp(5, Timestamp.from(started));
        order.setTimestamp(6, Timestamp.from(started));
        order.setTimestamp(7, Timestamp.from(started));
        order.setTimestamp(8, Timestamp.from(started.plus(Duration.ofDays(21))));
        order.addBatch();
      }
      identity.executeBatch();
      inbox.executeBatch();
      order.executeBatch();
      connection.commit();
    }
  }

  /** Writes {@code rows} warm-up email rows (a past day, so nothing is due), then removes them. */
  private long floor(long rows) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into warmup_email (id, org_id, order_id, sender_inbox_id, day, due_at,"
                    + " status, recipient_inbox_id, recipient_org_id) values (?, 'floor', ?, ?, ?,"
                    + " ?, 'SKIPPED', ?, 'floor')")) {
      connection.setAutoCommit(false);
      UUID order = UUID.randomUUID();
      for (long i = 0; i < rows; i++) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, order);
        insert.setObject(3, UUID.randomUUID());
        insert.setObject(4, LocalDate.parse("2026-01-01"));
        insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T10:00:00Z")));
        insert.setObject(6, UUID.randomUUID());
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
      connection.createStatement().execute("delete from warmup_email where org_id = 'floor'");
      connection.commit();
    }
    return rows;
  }

  private int countDay() throws Exception {
    try (Connection connection = database.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery("select count(*) from warmup_email where day = '2026-12-07'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
