package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $count} that never makes a request time out (FROST-Server #287): the exact count gets a time
 * budget; a count that would take longer (a filter matching millions of rows) is answered with PostgreSQL's
 * estimate instead, and the response says so. Unfiltered Observation counts never get here: they come from
 * the counts kept per Datastream ({@code ObservationCounts}), exactly and at once.
 */
final class BoundedCount {

    /** The count, and whether it is the planner's estimate rather than exact. */
    record Count(long value, boolean estimated) {}

    private static final String QUERY_CANCELED = "57014";
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private BoundedCount() {}

    static Count of(Connection connection, Sql count, long budgetMillis) throws SQLException {
        // In a transaction, the cancelled count must not abort it: the limit is set inside a savepoint, and
        // rolling back to that savepoint also ends the limit.
        boolean inTransaction = !connection.getAutoCommit();
        execute(connection, inTransaction ? "savepoint gw_count; set local statement_timeout = " + budgetMillis
                : "set statement_timeout = " + budgetMillis);
        try (PreparedStatement statement = Statements.prepare(connection, count); ResultSet rs = statement.executeQuery()) {
            rs.next();
            long exact = rs.getLong(1);
            execute(connection, inTransaction ? "release savepoint gw_count; reset statement_timeout" : "reset statement_timeout");
            return new Count(exact, false);
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
            execute(connection, inTransaction ? "rollback to savepoint gw_count" : "reset statement_timeout");
            return new Count(estimate(connection, count), true);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The planner's row estimate of the counted set: the rows of the node under the count's Aggregate. */
    private static long estimate(Connection connection, Sql count) throws SQLException {
        try (PreparedStatement statement = Statements.prepare(connection, Sql.concat("explain (format json) ", count));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            Matcher rows = PLAN_ROWS.matcher(rs.getString(1));
            long aggregate = rows.find() ? Long.parseLong(rows.group(1)) : 0;
            return rows.find() ? Long.parseLong(rows.group(1)) : aggregate;
        }
    }
}
