package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.sql.PropertyColumns.Result;
import de.gemeinwerk.sensorthings.sql.PropertyColumns.Time;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The columns a property value is stored in, each with its SQL placeholder (casts, so that parameters
 * bound as text or as null get the column's type) and the value to bind.
 */
final class Columns {

    /** {@code column = placeholder}, binding {@code value}. */
    record Column(String name, String placeholder, Object value) {}

    private static final String JSONB = "?::jsonb";
    private static final String TIMESTAMPTZ = "?::timestamptz";

    private Columns() {}

    static List<Column> of(Map<Property, Object> values) {
        List<Column> columns = new ArrayList<>();
        values.forEach((property, value) -> columns.addAll(of(property, value)));
        return columns;
    }

    /** The columns of one property; a null value sets them all to null. */
    static List<Column> of(Property property, Object value) {
        String column = property.column();
        return switch (property.kind()) {
            case TEXT -> List.of(new Column(column, "?", value));
            case JSON -> List.of(new Column(column, JSONB, value == null ? null : ((JsonNode) value).toString()));
            case GEOMETRY -> geometry(column, (PropertyValues.Geometry) value);
            case TIME_INSTANT -> List.of(new Column(column, TIMESTAMPTZ, value));
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL -> {
                Time time = (Time) value;
                yield List.of(new Column(property.startColumn(), TIMESTAMPTZ, time == null ? null : time.start()),
                        new Column(property.endColumn(), TIMESTAMPTZ, time == null ? null : time.end()));
            }
            case RESULT -> result((Result) value);
            case ID, TIME_ENVELOPE -> throw new IllegalArgumentException(property.name() + " is not stored");
        };
    }

    private static List<Column> geometry(String column, PropertyValues.Geometry geometry) {
        boolean absent = geometry == null;
        return List.of(new Column(column, JSONB, absent ? null : geometry.json()),
                new Column("min_x", "?::float8", absent ? null : geometry.box().minX()),
                new Column("min_y", "?::float8", absent ? null : geometry.box().minY()),
                new Column("max_x", "?::float8", absent ? null : geometry.box().maxX()),
                new Column("max_y", "?::float8", absent ? null : geometry.box().maxY()));
    }

    private static List<Column> result(Result result) {
        int type = result.type();
        boolean number = type == Results.NUMBER || type == Results.INTEGER;
        return List.of(new Column("result_type", "?::smallint", (short) type),
                new Column("result_number", "?::float8", number ? result.number() : null),
                new Column("result_string", "?::text", type == Results.STRING ? result.string() : null),
                new Column("result_boolean", "?::boolean", type == Results.BOOLEAN ? result.bool() : null),
                new Column("result_json", JSONB, type == Results.OTHER_JSON ? result.json() : null));
    }

    static String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    static String placeholders(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::placeholder).toList());
    }

    static String assignments(List<Column> columns) {
        return String.join(", ", columns.stream().map(c -> c.name() + " = " + c.placeholder()).toList());
    }

    static List<Object> values(List<Column> columns) {
        return Arrays.asList(columns.stream().map(Column::value).toArray());
    }
}
