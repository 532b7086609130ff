package io.identities.backbone.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure is the service's database being out of reach (refused, reset, shutting down:
 * SQLState classes 08 and 57P) rather than anything wrong with the work itself: the work is then
 * asked again later, never refused or given up on. The database's words may be a cause of the
 * failure or suppressed by it: a commit the database cut short fails with a rollback that carries
 * them as suppressed exceptions.
 */
public final class DatabaseUnreachable {

  private DatabaseUnreachable() {}

  public static boolean isCauseOf(Throwable failure) {
    return reaches(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean reaches(Throwable failure, Set<Throwable> seen) {
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (reaches(suppressed, seen)) {
          return true;
        }
      }
    }
    return false;
  }
}
