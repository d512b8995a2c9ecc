package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.sql.SqlErrors;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work on one connection in one transaction: committed when the work returns, rolled back when it
 * throws. Reads use a read-only REPEATABLE READ snapshot, so a page, its count and its expansions agree.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T read(Work<T> work) {
        return run(true, work);
    }

    public <T> T write(Work<T> work) {
        return run(false, work);
    }

    private <T> T run(boolean readOnly, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (readOnly) {
                    // For this transaction only, so nothing needs resetting; sent together with BEGIN.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set transaction isolation level repeatable read, read only");
                    }
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "the request cannot be carried out", "request");
        }
    }
}
