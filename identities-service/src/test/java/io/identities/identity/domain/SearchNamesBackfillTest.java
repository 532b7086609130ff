package io.identities.identity.domain;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import db.migration.V9__FoldSearchNames;
import io.agroal.api.AgroalDataSource;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** Identities saved before names were folded as they are now are found once migrated. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class SearchNamesBackfillTest {

  @Inject AgroalDataSource dataSource;

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);

  @Test
  void shouldFoldTheSearchNamesOfIdentitiesSavedBefore() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      // as the service saved it before: lower case without accents, ł and the apostrophe kept
      insert(connection, "Łukasz Żółć", "łukasz zolc łukasz zolc");
      insert(connection, "Amélie L'Écuyer", "amelie l'ecuyer");
      api.request()
          .queryParam("q", "lukasz")
          .get("/api/identities")
          .then()
          .body("total", equalTo(0));

      new V9__FoldSearchNames().migrate(context(connection));
    }

    api.request()
        .queryParam("q", "lukasz")
        .get("/api/identities")
        .then()
        .body("items.name", contains("Łukasz Żółć"));
    api.request()
        .queryParam("q", "lecuyer")
        .get("/api/identities")
        .then()
        .body("items.name", contains("Amélie L'Écuyer"));
  }

  private void insert(Connection connection, String name, String searchName) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into identity (id, org_id, name, search_name, daily_connection_requests,"
                + " daily_messages, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, 20, 100, 0, now(), now())")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, org);
      insert.setString(3, name);
      insert.setString(4, searchName);
      insert.executeUpdate();
    }
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        throw new UnsupportedOperationException("the migration reads no configuration");
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
