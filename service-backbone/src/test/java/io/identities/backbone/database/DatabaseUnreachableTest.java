package io.identities.backbone.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

  private static final SQLException SHUT_DOWN =
      new SQLException("FATAL: terminating connection due to administrator command", "57P01");

  @Test
  void shouldRecognizeTheDatabaseOutOfReachAmongTheCauses() {
    assertTrue(DatabaseUnreachable.isCauseOf(new IllegalStateException("failed", SHUT_DOWN)));
    assertTrue(
        DatabaseUnreachable.isCauseOf(
            new RuntimeException(new SQLException("Connection refused", "08001"))));
  }

  @Test
  void shouldRecognizeItInACommitCutShortWhichCarriesItSuppressed() {
    // as Narayana reports it: a rollback, the database's words suppressed in an XA failure
    Exception xa = new Exception("Error trying to transactionCommit local transaction", SHUT_DOWN);
    Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(xa);
    assertTrue(DatabaseUnreachable.isCauseOf(new RuntimeException("invoking", rollback)));
  }

  @Test
  void shouldNotMistakeOtherFailuresForIt() {
    assertFalse(
        DatabaseUnreachable.isCauseOf(
            new RuntimeException(new SQLException("duplicate key", "23505"))));
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.addSuppressed(second); // a loop: each found once
    assertFalse(DatabaseUnreachable.isCauseOf(first));
  }
}
