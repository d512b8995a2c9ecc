package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Property;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The SELECT columns of a property and how to read them back. JSON columns are read as text and later
 * written into the response unparsed.
 */
public final class PropertyColumns {

    private PropertyColumns() {}

    /** A stored result: result_type code and the column that holds the value. */
    public record Result(int type, double number, String string, boolean bool, String json) {}

    /** A time that may be an interval, as written; end is null for an instant. */
    public record Time(OffsetDateTime start, OffsetDateTime end) {}

    /**
     * A time as read: ISO 8601 text in UTC ("2024-05-01T12:00:00Z"); end is null for an instant. PostgreSQL
     * renders the timestamps, so reading a thousand Observations parses and formats no dates in Java.
     */
    public record IsoTime(String start, String end) {}

    public static List<String> select(Property property, String alias) {
        String column = alias + "." + property.column();
        return switch (property.kind()) {
            case ID -> List.of(alias + ".id");
            case TEXT -> List.of(column);
            case JSON, GEOMETRY -> List.of(column + "::text");
            case TIME_INSTANT -> List.of(utc(column));
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL ->
                    List.of(utc(alias + "." + property.startColumn()), utc(alias + "." + property.endColumn()));
            case TIME_ENVELOPE -> List.of(utc(TimeEnvelope.start(property, alias)), utc(TimeEnvelope.end(property, alias)));
            case RESULT -> List.of(alias + ".result_type", alias + ".result_number", alias + ".result_string",
                    alias + ".result_boolean", alias + ".result_json::text");
        };
    }

    public static int width(Property property) {
        return switch (property.kind()) {
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL, TIME_ENVELOPE -> 2;
            case RESULT -> 5;
            default -> 1;
        };
    }

    /**
     * A timestamptz as the text of a UTC timestamp, which is ISO 8601 but for the 'T' and the 'Z'. Text, not
     * the driver's binary transfer, so no Java date parsing happens at all.
     */
    private static String utc(String expression) {
        return "(" + expression + " at time zone 'UTC')::text";
    }

    /**
     * PostgreSQL's ISO text of a UTC timestamp ("2024-05-01 12:00:00.25", DateStyle ISO, which the JDBC
     * driver enforces) as ISO 8601 the way java.time writes instants: "2024-05-01T12:00:00.250Z" (fractions
     * in groups of three digits). Years before the common era ("... BC") become ISO's signed years (1 BC is 0).
     */
    static String iso(String text) {
        if (text == null) {
            return null;
        }
        if (text.endsWith(" BC")) {
            int dash = text.indexOf('-');
            int year = Integer.parseInt(text.substring(0, dash)) - 1;
            return iso((year == 0 ? "0000" : String.format("-%04d", year)) + text.substring(dash, text.length() - 3));
        }
        int dot = text.indexOf('.');
        int padding = dot < 0 ? 0 : (3 - (text.length() - dot - 1) % 3) % 3;
        return text.replace(' ', 'T') + "00".substring(0, padding) + 'Z';
    }

    /**
     * As {@link #iso(String)}, from the driver's bytes of the text (PostgreSQL writes timestamps in ASCII): one String
     * per timestamp instead of three (decoded, 'T' put in, fraction padded and 'Z' added) for each of a thousand rows.
     */
    static String iso(byte[] text) {
        if (text == null) {
            return null;
        }
        int length = text.length;
        if (text[length - 1] == 'C') {
            return iso(new String(text, StandardCharsets.US_ASCII)); // "... BC": rare
        }
        int dot = -1;
        int space = -1;
        for (int i = 0; i < length; i++) {
            if (text[i] == ' ') {
                space = i;
            } else if (text[i] == '.') {
                dot = i;
            }
        }
        int padding = dot < 0 ? 0 : (3 - (length - dot - 1) % 3) % 3;
        byte[] iso = Arrays.copyOf(text, length + padding + 1);
        if (space >= 0) { // "infinity" has none
            iso[space] = 'T';
        }
        Arrays.fill(iso, length, length + padding, (byte) '0');
        iso[length + padding] = 'Z';
        return new String(iso, StandardCharsets.US_ASCII);
    }

    /** Reads the property starting at column {@code index} (1-based). */
    public static Object read(Property property, ResultSet rs, int index) throws SQLException {
        return switch (property.kind()) {
            case ID -> rs.getLong(index);
            case TEXT, JSON, GEOMETRY -> rs.getString(index);
            case TIME_INSTANT -> iso(rs.getBytes(index));
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL, TIME_ENVELOPE -> {
                String start = iso(rs.getBytes(index));
                String end = iso(rs.getBytes(index + 1));
                yield start == null && end == null ? null : new IsoTime(start, end);
            }
            case RESULT -> new Result(rs.getInt(index), rs.getDouble(index + 1), rs.getString(index + 2),
                    rs.getBoolean(index + 3), rs.getString(index + 4));
        };
    }
}
