package db.migration;

import io.identities.identity.domain.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Folds every identity's stored search name again, as the service now writes it on save ({@link
 * SearchText}: letters such as ł, ß or æ spelt plainly, punctuation left out), so that existing
 * names are found as new ones are. In Java, so that it is the one folding the service searches by.
 */
public class V9__FoldSearchNames extends BaseJavaMigration {

  private static final int BATCH = 500;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement("update identity set search_name = ? where id = ?")) {
      select.setFetchSize(BATCH);
      try (ResultSet identity =
          select.executeQuery("select id, name, first_name, last_name from identity")) {
        int batched = 0;
        while (identity.next()) {
          update.setString(
              1,
              SearchText.of(
                  identity.getString("name"),
                  identity.getString("first_name"),
                  identity.getString("last_name")));
          update.setObject(2, identity.getObject("id"));
          update.addBatch();
          if (++batched % BATCH == 0) {
            update.executeBatch();
          }
        }
      }
      update.executeBatch();
    }
  }
}
