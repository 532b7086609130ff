package io.identities.backbone.database;

import java.sql.SQLException;

/**
 * Whether a failure is the service's database being out of reach (refused, reset, shutting down:
 * SQLState classes 08 and 57P) rather than anything wrong with the work itself: the work is then
 * asked again later, never refused or given up on.
 */
public final class DatabaseUnreachable {

  private DatabaseUnreachable() {}

  public static boolean isCauseOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
