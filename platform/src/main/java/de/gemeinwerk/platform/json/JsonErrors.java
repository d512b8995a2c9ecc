package de.gemeinwerk.platform.json;

import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Optional;

/**
 * Describes a Jackson 3 read error for the client: where it is (JSON pointer into the body, line and column) and what
 * is wrong, without naming Java classes.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The first Jackson exception in the cause chain of {@code error}, if any. */
    public static Optional<JacksonException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return Optional.of(json);
            }
        }
        return Optional.empty();
    }

    /** A 400 error describing {@code error}. */
    public static ApiException toApiException(JacksonException error) {
        String position = position(error.getLocation());
        return switch (error) {
            case UnrecognizedPropertyException unknown -> ApiException.badRequest(
                    "Unknown field '" + unknown.getPropertyName() + "'.", "body: " + pointer(error));
            case StreamReadException syntax -> ApiException.badRequest(
                    "Malformed JSON" + (position.isEmpty() ? "" : " at " + position) + ": "
                            + firstLine(syntax.getOriginalMessage()),
                    "body" + (position.isEmpty() ? "" : " at " + position));
            case MismatchedInputException mismatch when mismatch.getTargetType() != null -> ApiException.badRequest(
                    "Invalid value" + (position.isEmpty() ? "" : " at " + position) + ": expected "
                            + expected(mismatch.getTargetType()) + ".", "body: " + pointer(error));
            default -> ApiException.badRequest(
                    "Invalid value" + (position.isEmpty() ? "" : " at " + position) + ".",
                    "body: " + pointer(error));
        };
    }

    /** JSON pointer (RFC 6901) of the value the error is about, "/" for the whole document. */
    static String pointer(JacksonException error) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    /** What a JSON value for {@code type} looks like, in JSON's words rather than Java's. */
    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected content";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
