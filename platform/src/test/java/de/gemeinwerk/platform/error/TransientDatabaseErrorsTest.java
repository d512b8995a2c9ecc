package de.gemeinwerk.platform.error;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientDatabaseErrorsTest {

    @Test
    void deadlocksTimeoutsAndUnavailableDatabasesAreTransient() {
        for (String state : new String[] {"40P01", "40001", "55P03", "57014", "57P01", "57P03", "08006", "53300"}) {
            assertThat(TransientDatabaseErrors.isTransient(new SQLException("x", state))).as(state).isTrue();
        }
        // the pool's "no connection within the timeout"
        assertThat(TransientDatabaseErrors.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNot() {
        for (String state : new String[] {"42601", "42P01", "22003", "23505", "XX000", "57", ""}) {
            assertThat(TransientDatabaseErrors.isTransient(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(TransientDatabaseErrors.isTransient(new SQLException("no state"))).isFalse();
        assertThat(TransientDatabaseErrors.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void onlyRollbacksLockAndStatementTimeoutsAreCertainlyRolledBack() {
        for (String state : new String[] {"40P01", "40001", "55P03", "57014"}) {
            assertThat(TransientDatabaseErrors.isRolledBack(new RuntimeException(new SQLException("x", state))))
                    .as(state).isTrue();
        }
        // a lost connection may have lost only the answer to a commit
        for (String state : new String[] {"08006", "08003", "57P01", "53300", "23505"}) {
            assertThat(TransientDatabaseErrors.isRolledBack(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(TransientDatabaseErrors.isRolledBack(new SQLTransientConnectionException("pool"))).isFalse();
    }

    @Test
    void theCauseChainIsSearched() {
        RuntimeException wrapped = new IllegalStateException("database error",
                new RuntimeException(new SQLException("deadlock detected", "40P01")));
        assertThat(TransientDatabaseErrors.isTransient(wrapped)).isTrue();
    }
}
