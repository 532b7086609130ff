package io.identities.email.receiving;

import static io.identities.email.support.EmailApi.awaitStatus;
import static io.identities.email.support.EmailApi.email;
import static io.identities.email.support.EmailApi.inbox;
import static io.identities.email.support.EmailApi.queued;
import static io.identities.email.support.EmailApi.sender;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.schedule.Leases;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbox reading shared by replicas through leases in the database: each inbox is read by one
 * replica per poll interval, and the inboxes of a replica that stopped are read by the others once
 * its leases run out.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class SharedReadingTest {

  @Inject Events events;
  @Inject EntityManager entityManager;

  @RegisterExtension final Scenario scenario = new Scenario();

  @Test
  void shouldGiveEachInboxToOneOfTwoReplicasTakingThemAtOnce() throws Exception {
    List<UUID> inboxes = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID()).toList();
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Set<UUID>>> replicas =
        List.of("replica-a", "replica-b").stream()
            .map(
                name ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          Leases leases = new Leases(entityManager, name);
                          Set<UUID> taken = new HashSet<>();
                          await(together);
                          for (UUID inbox : inboxes) {
                            if (leases.take(InboxWatcher.READ, inbox, Duration.ofMinutes(1))) {
                              taken.add(inbox);
                            }
                          }
                          return taken;
                        }))
            .toList();
    Set<UUID> a = replicas.get(0).get();
    Set<UUID> b = replicas.get(1).get();

    Set<UUID> both = new HashSet<>(a);
    both.retainAll(b);
    assertEquals(Set.of(), both, "no inbox read by both");
    assertEquals(inboxes.size(), a.size() + b.size(), "every inbox read by one of them");
    Leases third = new Leases(entityManager, "replica-c");
    assertTrue(
        inboxes.stream().noneMatch(inbox -> third.take(InboxWatcher.READ, inbox, Duration.ZERO)),
        "none read again before its lease runs out, by any replica");
  }

  @Test
  void shouldReadTheInboxOfAReplicaThatStoppedOnceItsLeaseRunsOut() {
    UUID leftIdentity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    UUID readIdentity = sender(scenario.broker, events, scenario.org, 30, 5, null, null);
    String leftAddress = scenario.address("left");
    String readAddress = scenario.address("read");
    UUID left = inbox(scenario.mail(), scenario.org, leftIdentity, leftAddress);
    inbox(scenario.mail(), scenario.org, readIdentity, readAddress);
    UUID leftLead = UUID.randomUUID();
    UUID readLead = UUID.randomUUID();
    String toLeft = sent(leftIdentity, leftLead, "left");
    String toRead = sent(readIdentity, readLead, "read");
    String readReplies = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_REPLIED);
    String leftReplies = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_REPLIED);

    // a replica takes the reading of one inbox (as this one reads it every second) and stops
    Leases stopped = new Leases(entityManager, "stopped-replica");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> stopped.take(InboxWatcher.READ, left, Duration.ofSeconds(8)));
    scenario.mail().reply(scenario.recipient("left"), leftAddress, toLeft, "Interested");
    scenario.mail().reply(scenario.recipient("read"), readAddress, toRead, "Interested too");

    scenario.broker.nextContaining(readReplies, readLead.toString(), Duration.ofSeconds(6));
    assertTrue(
        scenario.broker.nowNoneContaining(leftReplies, leftLead.toString()),
        "the inbox another replica holds is not read by this one meanwhile");
    scenario.broker.nextContaining(leftReplies, leftLead.toString(), Duration.ofSeconds(15));
  }

  /** Sends one email from the identity's inbox; answers its Message-ID. */
  private String sent(UUID identity, UUID lead, String name) {
    UUID send =
        queued(
            scenario.org,
            identity,
            email(lead, scenario.campaign, 1, scenario.recipient(name), "Hello " + name));
    return awaitStatus(scenario.org, identity, send, "SENT").getString("messageId");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
