package io.identities.linkedin.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.KnownIdentities;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.linkedin.support.ShareLinks;
import io.identities.linkedin.support.ShareVisitor;
import io.identities.simulator.linkedin.DemoAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The LinkedIn password is used for the login and forgotten: after connects that fail and succeed,
 * through the API and through a share link's pages, it is in no log line, no row of any table, no
 * message that crossed RabbitMQ, and no page.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class PasswordNeverKeptTest {

  @Inject Events events;
  @Inject EntityManager entityManager;

  private final String org = Tokens.newOrganization();

  @Test
  void shouldLeaveThePasswordNowhere() throws Exception {
    String wrongPassword = "wrong-" + UUID.randomUUID();
    try (BrokerProbe broker = new BrokerProbe()) {
      String events = broker.listen(Exchanges.EVENTS, "#");
      String commands = broker.listen(Exchanges.COMMANDS, "#");
      UUID identity = KnownIdentities.announce(broker, this.events, org, "Ada");

      LinkedInApi linkedIn = new LinkedInApi(org);
      linkedIn.connect(identity, DemoAccounts.PLAIN, wrongPassword).statusCode(422);
      String handshake =
          linkedIn
              .connect(
                  identity,
                  LinkedInAccounts.like(DemoAccounts.EMAIL_PIN).email(),
                  DemoAccounts.PASSWORD)
              .statusCode(200)
              .extract()
              .path("handshakeId");
      linkedIn.verify(handshake, DemoAccounts.PIN).body("status", equalTo("CONNECTED"));
      List<String> pages = new ArrayList<>();
      ShareVisitor visitor =
          new ShareVisitor(ShareLinks.make(broker, this.events, org, null, "Leak check"));
      pages.add(visitor.open().asString());
      pages.add(visitor.signIn(null, DemoAccounts.PLAIN, wrongPassword).asString());
      pages.add(
          visitor
              .signIn(
                  null,
                  LinkedInAccounts.like(DemoAccounts.EMAIL_PIN).email(),
                  DemoAccounts.PASSWORD)
              .asString());
      pages.add(visitor.verify(DemoAccounts.PIN).asString());
      assertTrue(pages.get(3).contains("is connected"), pages.get(3));
      List<String> crossed = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                for (String queue : List.of(events, commands)) {
                  for (GetResponse m = broker.poll(queue); m != null; m = broker.poll(queue)) {
                    crossed.add(BrokerProbe.body(m));
                  }
                }
                return crossed.stream() // this test's; others' may arrive late, once routable
                        .filter(m -> m.contains(EventTypes.LINKEDIN_SESSION_CONNECTED))
                        .filter(m -> m.contains(org))
                        .count()
                    == 2;
              });

      String log = Files.readString(Path.of("target/quarkus-test.log"));
      for (String secret : List.of(wrongPassword, DemoAccounts.PASSWORD)) {
        assertFalse(log.contains(secret), "in the log");
        assertEquals(0, rowsContaining(secret), "in a table");
        assertFalse(crossed.stream().anyMatch(m -> m.contains(secret)), "on the bus");
        assertFalse(pages.stream().anyMatch(p -> p.contains(secret)), "echoed in a page");
      }
    }
  }

  private long rowsContaining(String secret) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<String> tables =
                  entityManager
                      .createNativeQuery(
                          "select table_name from information_schema.tables where table_schema = 'public'")
                      .getResultList();
              long rows = 0;
              for (String table : tables) {
                rows +=
                    ((Number)
                            entityManager
                                .createNativeQuery(
                                    "select count(*) from \""
                                        + table
                                        + "\" t where t::text like ?1")
                                .setParameter(1, "%" + secret + "%")
                                .getSingleResult())
                        .longValue();
              }
              return rows;
            });
  }
}
