package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes entities as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break in quotes, quotes
 * doubled), one row per entity after a header row, as FROST-Server's CSV result format does: the id and the selected
 * properties in specification order (navigation links and self links are left out), {@code unitOfMeasurement} split
 * into {@code unitOfMeasurement/name}, {@code /symbol} and {@code /definition}, other JSON values (properties,
 * parameters, geometries, JSON results) as their JSON text, times in ISO 8601 as in JSON, null as an empty field (an empty text as {@code ""}).
 * Each expanded entity adds its columns with the navigation as prefix ({@code Datastream/name}); an expanded
 * collection contributes its first entity (the reader asks for no more), so a row stays one entity.
 */
public final class CsvWriter {

    private static final String LINE_END = "\r\n";
    private static final String UNIT_OF_MEASUREMENT = "unitOfMeasurement";
    private static final List<String> UNIT_MEMBERS = List.of("name", "symbol", "definition");

    /** A column: its header, the navigations from a row to the entity it shows, and that entity's field text. */
    private record Column(String header, List<Navigation> path, Function<EntityRow, String> field) {}

    private CsvWriter() {}

    public static void write(Appendable out, List<EntityRow> rows, Projection projection, List<ExpandNode> expand) {
        List<Column> columns = new ArrayList<>();
        addColumns(columns, "", List.of(), projection, expand);
        try {
            for (int i = 0; i < columns.size(); i++) {
                field(out, i, columns.get(i).header());
            }
            out.append(LINE_END);
            for (EntityRow row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    EntityRow shown = follow(row, column.path());
                    field(out, i, shown == null ? null : column.field().apply(shown));
                }
                out.append(LINE_END);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addColumns(List<Column> columns, String prefix, List<Navigation> path, Projection projection,
                                   List<ExpandNode> expand) {
        if (projection.id()) {
            columns.add(new Column(prefix + "id", path, row -> Long.toString(row.id())));
        }
        List<Property> properties = projection.properties();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            int index = i;
            if (property.name().equals(UNIT_OF_MEASUREMENT)) {
                for (String member : UNIT_MEMBERS) {
                    columns.add(new Column(prefix + property.name() + "/" + member, path,
                            row -> member((String) row.value(index), member)));
                }
            } else {
                columns.add(new Column(prefix + property.name(), path, row -> text(property, row.value(index))));
            }
        }
        for (ExpandNode node : expand) {
            List<Navigation> below = new ArrayList<>(path);
            below.add(node.navigation());
            addColumns(columns, prefix + node.navigation().name() + "/", List.copyOf(below), node.projection(),
                    node.children());
        }
    }

    /** The entity at the end of the path: the first of each expanded collection; null where there is none. */
    private static EntityRow follow(EntityRow row, List<Navigation> path) {
        EntityRow current = row;
        for (Navigation navigation : path) {
            List<EntityRow> related = current.expanded().get(navigation).rows();
            if (related.isEmpty()) {
                return null;
            }
            current = related.getFirst();
        }
        return current;
    }

    /** A value's text in a field, as the JSON format shows it but without the quotes of strings; null for null. */
    static String text(Property property, Object value) {
        if (value == null) {
            return null;
        }
        return switch (property.kind()) {
            case ID -> value.toString();
            case TEXT, JSON, GEOMETRY, TIME_INSTANT -> (String) value;
            case TIME_INSTANT_OR_INTERVAL -> EntityJson.format((PropertyColumns.IsoTime) value);
            case TIME_INTERVAL, TIME_ENVELOPE -> EntityJson.formatInterval((PropertyColumns.IsoTime) value);
            case RESULT -> result((PropertyColumns.Result) value);
        };
    }

    private static String result(PropertyColumns.Result result) {
        return switch (result.type()) {
            // Double.toString and Long.toString are what the JSON writer prints for these numbers
            case 1 -> Double.toString(result.number());
            case 2 -> Long.toString((long) result.number());
            case 3 -> result.string();
            case 4 -> Boolean.toString(result.bool());
            case 5 -> result.json();
            default -> null;
        };
    }

    private static String member(String json, String name) {
        if (json == null) {
            return null;
        }
        JsonNode member = JsonMapper.shared().readTree(json).get(name);
        if (member == null || member.isNull()) {
            return null;
        }
        return member.isString() ? member.stringValue() : member.toString();
    }

    private static void field(Appendable out, int index, String text) throws IOException {
        if (index > 0) {
            out.append(',');
        }
        if (text == null) {
            return;
        }
        // an empty text is quoted, so that it differs from null (an empty field)
        if (text.isEmpty() || needsQuotes(text)) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
