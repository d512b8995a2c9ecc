package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;

import java.sql.SQLException;

/**
 * Turns database errors caused by request values into 400s. Class 22 (data exception: a time out of
 * range, a number too large) and class 23 (integrity: a duplicate, a vanished link target) can only come
 * from what the client sent, given that the writer validates everything it can beforehand.
 */
final class SqlErrors {

    private SqlErrors() {}

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return ApiException.badRequest("the entity cannot be stored: " + firstLine(e.getMessage()), "body");
        }
        return new IllegalStateException("database error while writing", e);
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
