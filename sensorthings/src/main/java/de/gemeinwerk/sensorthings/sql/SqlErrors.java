package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.platform.error.ApiException;

import java.sql.SQLException;

/**
 * Turns database errors caused by request values into 400s: SQLSTATE class 22 (data exception: overflow,
 * a bad cast, a time out of range, a negative substring length) and class 23 (integrity: a duplicate, a
 * vanished link target) can only come from what the client sent, given that reads and writes validate
 * everything they can beforehand. Anything else is the server's problem and stays an error.
 */
public final class SqlErrors {

    private SqlErrors() {}

    /**
     * @param failure what could not be done, e.g. "the entity cannot be stored"
     * @param where   what the client should look at, e.g. "body" or "request"
     */
    public static RuntimeException translate(SQLException e, String failure, String where) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return ApiException.badRequest(failure + ": " + firstLine(e.getMessage()), where);
        }
        return new IllegalStateException("database error", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        String text = message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
