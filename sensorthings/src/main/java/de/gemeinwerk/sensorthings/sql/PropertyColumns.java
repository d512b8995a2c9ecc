package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Property;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The SELECT columns of a property and how to read them back. JSON columns are read as text and later
 * written into the response unparsed.
 */
public final class PropertyColumns {

    private PropertyColumns() {}

    /** A stored result: result_type code and the column that holds the value. */
    public record Result(int type, double number, String string, boolean bool, String json) {}

    /** A time that may be an interval; end is null for an instant. */
    public record Time(OffsetDateTime start, OffsetDateTime end) {}

    public static List<String> select(Property property, String alias) {
        String column = alias + "." + property.column();
        return switch (property.kind()) {
            case ID -> List.of(alias + ".id");
            case TEXT -> List.of(column);
            case JSON, GEOMETRY -> List.of(column + "::text");
            case TIME_INSTANT -> List.of(column);
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL ->
                    List.of(alias + "." + property.startColumn(), alias + "." + property.endColumn());
            case TIME_ENVELOPE -> List.of(TimeEnvelope.start(property, alias), TimeEnvelope.end(property, alias));
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

    /** Reads the property starting at column {@code index} (1-based). */
    public static Object read(Property property, ResultSet rs, int index) throws SQLException {
        return switch (property.kind()) {
            case ID -> rs.getLong(index);
            case TEXT, JSON, GEOMETRY -> rs.getString(index);
            case TIME_INSTANT -> rs.getObject(index, OffsetDateTime.class);
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL, TIME_ENVELOPE -> {
                OffsetDateTime start = rs.getObject(index, OffsetDateTime.class);
                OffsetDateTime end = rs.getObject(index + 1, OffsetDateTime.class);
                yield start == null && end == null ? null : new Time(start, end);
            }
            case RESULT -> new Result(rs.getInt(index), rs.getDouble(index + 1), rs.getString(index + 2),
                    rs.getBoolean(index + 3), rs.getString(index + 4));
        };
    }
}
