package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.platform.error.ApiException;

/** Names and descriptions in admin input: stripped, at most 500 characters; errors name the place in the body. */
public final class TextInput {

    private static final int MAX_TEXT = 500;

    private TextInput() {
    }

    /** A required text; 400 at {@code where} when missing, blank or too long. */
    public static String required(String text, String where) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw ApiException.badRequest("This needs a text of 1 to " + MAX_TEXT + " characters.", where);
        }
        return text.strip();
    }

    /** An optional text: empty when missing or blank. */
    public static String optional(String text, String where) {
        return text == null || text.isBlank() ? "" : required(text, where);
    }
}
