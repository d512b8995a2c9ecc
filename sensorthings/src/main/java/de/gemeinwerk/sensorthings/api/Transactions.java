package de.gemeinwerk.sensorthings.api;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on one connection in one transaction: committed when the work returns, rolled back when it
 * throws. Reads use a read-only REPEATABLE READ snapshot, so a page, its count and its expansions agree.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T read(Work<T> work) {
        return run(true, work);
    }

    <T> T write(Work<T> work) {
        return run(false, work);
    }

    private <T> T run(boolean readOnly, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (readOnly) {
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                if (readOnly) {
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
