package io.identities.email.api;

import static io.identities.email.support.EmailApi.connect;
import static io.identities.email.support.EmailApi.connected;
import static io.identities.email.support.EmailApi.plainInbox;
import static io.identities.email.support.EmailApi.server;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.EmailApi;
import io.identities.email.support.MailInfrastructure;
import io.identities.email.support.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting inboxes against a real SMTP/IMAP server (GreenMail). */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class InboxResourceTest {

  @Inject Events events;
  @Inject AgroalDataSource database;

  @RegisterExtension final Scenario scenario = new Scenario();
  private final String address = scenario.address("ada");
  private UUID identity;

  @BeforeEach
  void identity() {
    identity = EmailApi.identity(scenario.broker, events, scenario.org, "Ada");
    scenario.mail().addMailbox(address, "right password");
  }

  @Test
  void shouldCountTwoInboxesConnectedAtOnceInTheOrderTheirEventsTell() throws Exception {
    String second = scenario.address("ada-second");
    scenario.mail().addMailbox(second, "right password");
    String announced = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_INBOX_CONNECTED);

    List<CompletableFuture<Integer>> connecting =
        List.of(address, second).stream()
            .map(
                inbox ->
                    CompletableFuture.supplyAsync(
                        () ->
                            connect(
                                    scenario.org,
                                    identity,
                                    plainInbox(scenario.mail(), inbox, "right password"))
                                .statusCode()))
            .toList();
    for (CompletableFuture<Integer> connected : connecting) {
      assertEquals(201, connected.get(30, TimeUnit.SECONDS));
    }

    Map<Long, Integer> countByVersion = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      JsonNode data =
          new ObjectMapper()
              .readTree(
                  BrokerProbe.body(
                      scenario.broker.nextContaining(
                          announced, identity.toString(), Duration.ofSeconds(10))))
              .path("data");
      countByVersion.put(
          data.path("inboxesVersion").asLong(), data.path("connectedInboxes").asInt());
    }
    assertEquals(Map.of(1L, 1, 2L, 2), countByVersion, "the later change counts both inboxes");
  }

  @Test
  void shouldRefuseServersOnPrivateNetworksAndAnOrganizationTryingTooOften() {
    Map<String, Object> internal = new HashMap<>(plainInbox(scenario.mail(), address, "x"));
    internal.put("smtp", server("10.0.0.7", 25, "NONE"));
    connect(scenario.org, identity, internal)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("smtp.host"))
        .body("errors[0].message", containsString("private network"));
    Map<String, Object> metadata = new HashMap<>(plainInbox(scenario.mail(), address, "x"));
    metadata.put("imap", server("169.254.169.254", 80, "NONE"));
    connect(scenario.org, identity, metadata)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("imap.host"));

    for (int attempt = 3; attempt <= 12; attempt++) { // the tests' limit: 12 per 10 minutes
      connect(scenario.org, identity, internal).then().statusCode(400);
    }
    connect(scenario.org, identity, plainInbox(scenario.mail(), address, "right password"))
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .body("detail", containsString("12 times in 10 minutes"));
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("$", empty());
  }

  @Test
  void shouldConnectAnInboxOnlyAfterBothServersAcceptedItsPasswordAndKeepThePasswordSealed()
      throws SQLException {
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .statusCode(200)
        .body("$", empty());

    String announced = scenario.broker.listen(Exchanges.EVENTS, EventTypes.EMAIL_INBOX_CONNECTED);
    connect(
            scenario.org,
            identity,
            plainInbox(scenario.mail(), address.toUpperCase(), "right password"))
        .then()
        .statusCode(201)
        .header("Location", containsString("/inboxes/"))
        .body("address", equalTo(address))
        .body("provider", equalTo("IMAP"))
        .body("status", equalTo("CONNECTED"))
        .body("username", equalTo(address))
        .body("smtp.port", equalTo(scenario.mail().smtpPort()))
        .body("$", not(hasKey("password")));

    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("address", contains(address))
        .body("status", contains("CONNECTED"));
    String event =
        BrokerProbe.body(
            scenario.broker.nextContaining(announced, address, Duration.ofSeconds(10)));
    assertTrue(event.contains("\"connectedInboxes\":1"), event);
    assertFalse(event.contains("right password"), event);
    String sealed = column("select sealed_credentials from inbox where address = ?", address);
    assertTrue(sealed.length() > 20, sealed);
    assertFalse(sealed.contains("right password"));
  }

  @Test
  void shouldRefuseAWrongPasswordAndSaveNothing() {
    connect(scenario.org, identity, plainInbox(scenario.mail(), address, "wrong password"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("title", equalTo("Authentication refused"))
        .body("detail", containsString("SMTP server 127.0.0.1:" + scenario.mail().smtpPort()))
        .body("errors.field", hasItem("password"));
    assertNoInbox();
  }

  @Test
  void shouldSayTlsFailedWhenTheServerSpeaksPlainOrItsCertificateIsNotTrusted() {
    Map<String, Object> tlsOnPlainPort =
        new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
    tlsOnPlainPort.put("smtp", server("127.0.0.1", scenario.mail().smtpPort(), "SSL_TLS"));
    connect(scenario.org, identity, tlsOnPlainPort)
        .then()
        .statusCode(422)
        .body("title", equalTo("TLS failure"))
        .body("errors.field", hasItem("smtp.security"));

    Map<String, Object> untrusted =
        new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
    untrusted.put("imap", server("127.0.0.1", scenario.mail().imapsPort(), "SSL_TLS"));
    connect(scenario.org, identity, untrusted)
        .then()
        .statusCode(422)
        .body("title", equalTo("TLS failure"))
        .body("detail", containsString("IMAP server"))
        .body("errors.field", hasItem("imap.security"));

    Map<String, Object> noStartTls =
        new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
    noStartTls.put("smtp", server("127.0.0.1", scenario.mail().smtpPort(), "STARTTLS"));
    connect(scenario.org, identity, noStartTls)
        .then()
        .statusCode(422)
        .body("title", equalTo("TLS failure"));
    assertNoInbox();
  }

  @Test
  void shouldSayTheHostIsUnreachableOrSilent() throws IOException {
    Map<String, Object> unknownHost =
        new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
    unknownHost.put("imap", server("imap.no-such-host.invalid", 993, "SSL_TLS"));
    connect(scenario.org, identity, unknownHost)
        .then()
        .statusCode(422)
        .body("title", equalTo("Host unreachable"))
        .body("errors.field", hasItem("imap.host"));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> closed =
        new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
    closed.put("smtp", server("127.0.0.1", closedPort, "NONE"));
    connect(scenario.org, identity, closed)
        .then()
        .statusCode(422)
        .body("title", equalTo("Host unreachable"));

    try (ServerSocket silent = new ServerSocket(0)) {
      new Thread(() -> acceptAndSayNothing(silent)).start();
      Map<String, Object> mute =
          new HashMap<>(plainInbox(scenario.mail(), address, "right password"));
      mute.put("smtp", server("127.0.0.1", silent.getLocalPort(), "NONE"));
      connect(scenario.org, identity, mute)
          .then()
          .statusCode(504)
          .body("title", equalTo("Timeout"))
          .body("errors.field", hasItem("smtp.port"));
    }
    assertNoInbox();
  }

  @Test
  void shouldConnectAnAddressOncePerOrganizationAndReconnectItForItsIdentity() {
    UUID inbox =
        connected(scenario.org, identity, plainInbox(scenario.mail(), address, "right password"));

    UUID otherIdentity = EmailApi.identity(scenario.broker, events, scenario.org, "Grace");
    connect(scenario.org, otherIdentity, plainInbox(scenario.mail(), address, "right password"))
        .then()
        .statusCode(409)
        .body("detail", containsString("already connected"));

    String otherOrg = Tokens.newOrganization();
    UUID elsewhere = EmailApi.identity(scenario.broker, events, otherOrg, "Ada elsewhere");
    connect(otherOrg, elsewhere, plainInbox(scenario.mail(), address, "right password"))
        .then()
        .statusCode(201);

    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete("/api/email/identities/{id}/inboxes/{inbox}/connection", identity, inbox)
        .then()
        .statusCode(200)
        .body("status", equalTo("DISCONNECTED"));
    assertNull(column("select sealed_credentials from inbox where id = ?::uuid", inbox.toString()));

    scenario.mail().changePassword(address, "new password");
    connect(scenario.org, identity, plainInbox(scenario.mail(), address, "new password"))
        .then()
        .statusCode(200)
        .body("id", equalTo(inbox.toString()))
        .body("status", equalTo("CONNECTED"))
        .body("statusReason", nullValue());
  }

  @Test
  void shouldAnswerClearProblemsForBadInputAndOtherTenants() {
    Map<String, Object> bad = new HashMap<>(plainInbox(scenario.mail(), "not-an-address", ""));
    bad.put("smtp", Map.of("host", "", "port", 70000, "security", "NONE"));
    connect(scenario.org, identity, bad)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(containsString("address")))
        .body("errors.field", hasItem(containsString("password")))
        .body("errors.field", hasItem(containsString("smtp.port")));

    connect(scenario.org, UUID.randomUUID(), plainInbox(scenario.mail(), address, "right password"))
        .then()
        .statusCode(404);
    connect(
            Tokens.newOrganization(),
            identity,
            plainInbox(scenario.mail(), address, "right password"))
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .delete(
            "/api/email/identities/{id}/inboxes/{inbox}/connection", identity, UUID.randomUUID())
        .then()
        .statusCode(404);
    assertNoInbox();
  }

  private void assertNoInbox() {
    given()
        .auth()
        .oauth2(Tokens.member(scenario.org))
        .get("/api/email/identities/{id}/inboxes", identity)
        .then()
        .body("$", empty());
  }

  private String column(String sql, String parameter) {
    try (Connection connection = database.getConnection();
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      ResultSet row = statement.executeQuery();
      assertTrue(row.next(), "a row for " + parameter);
      return row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void acceptAndSayNothing(ServerSocket server) {
    try (Socket socket = server.accept()) {
      socket.getInputStream().read(); // until the client gives up
    } catch (IOException e) {
      // the client hung up
    }
  }
}
