package de.gemeinwerk.sensorthings;

import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The plan PostgreSQL chooses for a statement, for tests of the performance design. */
public final class QueryPlans {

    private QueryPlans() {}

    /** The text of {@code EXPLAIN} for the statement with its parameters bound. */
    public static String of(DataSource dataSource, Sql sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = Statements.prepare(connection, Sql.concat("explain ", sql));
             ResultSet rs = explain.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
