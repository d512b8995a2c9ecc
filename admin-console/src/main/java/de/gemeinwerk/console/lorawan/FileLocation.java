package de.gemeinwerk.console.lorawan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a CSV file an error is: the import names it {@code line 4, column 2 (name)} for the API; the console shows
 * the parts in the reader's language ({@code Zeile 4, Spalte 2 (name)}). Pure.
 */
final class FileLocation {

    private static final Pattern WHERE = Pattern.compile("line (\\d+)(?:, column (\\d+))?( \\(.*\\))?");

    private FileLocation() {
    }

    /** Line and column (if named) with the column's title; null for null; anything else as it is. */
    static Place of(String where) {
        if (where == null) {
            return null;
        }
        Matcher matcher = WHERE.matcher(where);
        if (!matcher.matches()) {
            return new Place(null, null, where);
        }
        return new Place(Integer.parseInt(matcher.group(1)),
                matcher.group(2) == null ? null : Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? null : matcher.group(3).strip());
    }

    /**
     * The place's parts; {@code line} null when the text was no file place (then {@code title} holds it).
     *
     * @param title the column's title in brackets, e.g. {@code (devEui)}, or null
     */
    record Place(Integer line, Integer column, String title) {
    }
}
