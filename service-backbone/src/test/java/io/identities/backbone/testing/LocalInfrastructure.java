package io.identities.backbone.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepares the real PostgreSQL and RabbitMQ on this machine for one service's tests: its own
 * database ({@code <service>_test}) and RabbitMQ virtual host ({@code <service>-test}), so the
 * services' tests never see each other's data or messages; a freshly generated JWT key pair (never
 * committed); and a {@link TcpProxy} in front of RabbitMQ that tests can cut to simulate an outage.
 * The service is named by the {@code identities.test.service} system property (the Maven module).
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

  public static final String ISSUER = "https://identities.local/test";
  public static final String AUDIENCE = "identities-api";

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private static final int RABBITMQ_PORT = 5672;
  private static final Set<String> FRESH_DATABASES = ConcurrentHashMap.newKeySet();

  /**
   * Where the current test key pair's private key is, for {@link Tokens} in either kind of test.
   */
  static final String SIGNING_KEY_PROPERTY = "identities.test.signing-key";

  @Override
  public Map<String, String> start() {
    String database = service().replace('-', '_') + "_test";
    String vhost = virtualHost();
    try {
      ensureDatabase(database);
      ensureVirtualHost(vhost);
      Path keys = Files.createTempDirectory("jwt-keys");
      KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      Path publicKey =
          writePem(keys.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
      Path privateKey =
          writePem(keys.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
      // a system property, not config: an integration test's JVM has no application config
      System.setProperty(SIGNING_KEY_PROPERTY, privateKey.toString());
      TcpProxy proxy = TcpProxy.rabbitMq(RABBITMQ_PORT);
      return Map.ofEntries(
          Map.entry("quarkus.datasource.jdbc.url", POSTGRES + database),
          Map.entry("rabbitmq-host", "127.0.0.1"),
          Map.entry("rabbitmq-port", String.valueOf(proxy.port())),
          Map.entry("rabbitmq-virtual-host", vhost),
          Map.entry("identities.test.rabbitmq-port", String.valueOf(RABBITMQ_PORT)),
          Map.entry("mp.jwt.verify.publickey.location", publicKey.toString()),
          Map.entry("mp.jwt.verify.issuer", ISSUER),
          Map.entry("mp.jwt.verify.audiences", AUDIENCE),
          Map.entry("smallrye.jwt.sign.key.location", privateKey.toString()),
          Map.entry("identities.outbox.poll-interval", "1s"),
          Map.entry("identities.share-link-keeper.url", ShareLinkKeeperStandIn.get().url()),
          Map.entry("identities.secrets.active-key", "test"),
          Map.entry("identities.secrets.keys", "test:" + randomKey()));
    } catch (IOException | SQLException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot prepare PostgreSQL/RabbitMQ for tests", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The service under test: the Maven module, named by the build. */
  public static String service() {
    return System.getProperty("identities.test.service", "service");
  }

  /** The RabbitMQ virtual host of the service's tests. */
  public static String virtualHost() {
    return service() + "-test";
  }

  /** RabbitMQ itself, not the cuttable proxy in front of it that the service is given. */
  public static int rabbitMqPort() {
    return RABBITMQ_PORT;
  }

  @Override
  public void stop() {
    TcpProxy.rabbitMq(RABBITMQ_PORT).close();
  }

  /**
   * A fresh database for each test run (once per JVM): nothing an earlier run left behind, such as
   * inboxes whose secrets were sealed with that run's key, is seen by this one.
   */
  private static void ensureDatabase(String database) throws SQLException {
    if (FRESH_DATABASES.add(database)) {
      try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
        c.createStatement().execute("drop database if exists \"" + database + "\" with (force)");
        c.createStatement().execute("create database \"" + database + "\"");
      }
    }
  }

  /** Virtual hosts can only be made with rabbitmqctl (or the management plugin, not installed). */
  private static void ensureVirtualHost(String vhost) throws IOException, InterruptedException {
    if (rabbitmqctl("-q", "list_vhosts").lines().noneMatch(vhost::equals)) {
      rabbitmqctl("add_vhost", vhost);
      rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
    }
  }

  private static String rabbitmqctl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
    }
    return output;
  }

  private static Path writePem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
