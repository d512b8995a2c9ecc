package de.gemeinwerk.sensorthings.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Prepares an {@link Sql} on a connection, binding its parameters (arrays included). */
public final class Statements {

    private Statements() {}

    public static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        try {
            bind(connection, statement, sql.params());
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof SqlArray array) {
                statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.values()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
