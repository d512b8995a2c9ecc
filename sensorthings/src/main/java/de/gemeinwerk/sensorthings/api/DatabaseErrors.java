package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;

import java.sql.SQLException;

/**
 * SQL errors caused by request values (SQLSTATE class 22 data exceptions such as overflow or a bad
 * cast, class 23 integrity violations) are the client's: 400. Anything else is the server's problem.
 */
final class DatabaseErrors {

    private DatabaseErrors() {}

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return ApiException.badRequest("the request cannot be carried out: " + firstLine(e.getMessage()), "request");
        }
        return new IllegalStateException("database error", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
