package io.identities.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.events.Events;
import io.identities.backbone.schedule.Leases;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInAccounts.Connected;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session check shared by replicas: two replicas' rounds at the same moment check each session
 * once, and a session whose check a stopped replica had taken is checked once its lease runs out. A
 * check is the session's own profile read ({@code GET /me}) on the simulator.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class SharedSessionChecksTest {

  @Inject SessionHealth health;
  @Inject Events events;
  @Inject EntityManager entityManager;

  private final String org = Tokens.newOrganization();
  private final BrokerProbe broker = new BrokerProbe();
  private final LinkedInApi api = new LinkedInApi(org);

  @AfterEach
  void close() throws Exception {
    broker.close();
  }

  @Test
  void shouldCheckEachSessionOnceWhenTwoReplicasCheckAtOnce() throws Exception {
    List<Connected> accounts = IntStream.range(0, 5).mapToObj(i -> connected()).toList();
    List<Long> before = accounts.stream().map(SharedSessionChecksTest::checks).toList();

    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Integer>> replicas =
        IntStream.range(0, 2)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return health.checkSessionsNotCheckedFor(Duration.ZERO, 0);
                        }))
            .toList();
    for (CompletableFuture<Integer> replica : replicas) {
      replica.get();
    }

    for (int i = 0; i < accounts.size(); i++) {
      assertEquals(
          before.get(i) + 1, checks(accounts.get(i)), "one check of " + accounts.get(i).email());
    }
  }

  @Test
  void shouldTakeOverTheCheckOfAReplicaThatStopped() {
    Connected left = connected();
    Connected other = connected();
    long leftBefore = checks(left);
    long otherBefore = checks(other);
    // a replica took the check of "left" and stopped: its lease runs out 3 s later
    new Leases(entityManager, "stopped-replica")
        .take(SessionHealth.CHECK, left.identity(), Duration.ofSeconds(3));

    health.checkSessionsNotCheckedFor(Duration.ZERO, 0);
    assertEquals(otherBefore + 1, checks(other), "the round checked the other session");
    assertEquals(leftBefore, checks(left), "the session another replica holds is left to it");

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              health.checkSessionsNotCheckedFor(Duration.ofSeconds(1), 0);
              return checks(left) == leftBefore + 1;
            });
  }

  private Connected connected() {
    return LinkedInAccounts.connect(broker, events, api, org, LinkedInAccounts.defaults(), false);
  }

  /** The session checks LinkedIn saw for the account: reads of its own profile. */
  private static long checks(Connected account) {
    return LinkedInAccounts.simulator().voyagerCalls(account.email()).stream()
        .filter(call -> call.method().equals("GET") && call.path().endsWith("/me"))
        .count();
  }
}
