package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import tools.jackson.core.JsonGenerator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes entities as SensorThings JSON straight from the rows read, with {@code @iot.selfLink},
 * {@code @iot.id}, the properties in specification order, navigation links and expanded relations.
 * Stored JSON (properties, geometries) is copied through without being parsed.
 */
public final class EntityJson {

    private EntityJson() {}

    /** {@code {"@iot.count": n, "value": [...], "@iot.nextLink": "..."}} */
    public static void writeCollection(JsonGenerator g, EntityReader.Page page, Projection projection,
                                       List<ExpandNode> expand, String serviceRoot, String nextLink) {
        g.writeStartObject();
        if (page.count() != null) {
            g.writeName("@iot.count");
            g.writeNumber(page.count());
        }
        g.writeName("value");
        writeArray(g, page.rows(), projection, expand, serviceRoot);
        if (nextLink != null) {
            g.writeName("@iot.nextLink");
            g.writeString(nextLink);
        }
        g.writeEndObject();
    }

    public static void writeEntity(JsonGenerator g, EntityRow row, Projection projection, List<ExpandNode> expand,
                                   String serviceRoot) {
        g.writeStartObject();
        String self = serviceRoot + "/" + projection.type().setName() + "(" + row.id() + ")";
        if (projection.selfLink()) {
            g.writeName("@iot.selfLink");
            g.writeString(self);
        }
        if (projection.id()) {
            g.writeName("@iot.id");
            g.writeNumber(row.id());
        }
        List<Property> properties = projection.properties();
        for (int i = 0; i < properties.size(); i++) {
            g.writeName(properties.get(i).name());
            writeValue(g, properties.get(i), row.value(i));
        }
        for (Navigation navigation : projection.navigationLinks()) {
            g.writeName(navigation.name() + "@iot.navigationLink");
            g.writeString(self + "/" + navigation.name());
        }
        for (ExpandNode node : expand) {
            EntityRow.Expanded expanded = row.expanded().get(node.navigation());
            String name = node.navigation().name();
            if (node.navigation().many()) {
                if (expanded.count() != null) {
                    g.writeName(name + "@iot.count");
                    g.writeNumber(expanded.count());
                }
                g.writeName(name);
                writeArray(g, expanded.rows(), node.projection(), node.children(), serviceRoot);
            } else {
                g.writeName(name);
                if (expanded.rows().isEmpty()) {
                    g.writeNull();
                } else {
                    writeEntity(g, expanded.rows().getFirst(), node.projection(), node.children(), serviceRoot);
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, List<EntityRow> rows, Projection projection, List<ExpandNode> expand,
                                   String serviceRoot) {
        g.writeStartArray();
        for (EntityRow row : rows) {
            writeEntity(g, row, projection, expand, serviceRoot);
        }
        g.writeEndArray();
    }

    /** One property value, as read by {@link PropertyColumns#read}. */
    public static void writeValue(JsonGenerator g, Property property, Object value) {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (property.kind()) {
            case ID -> g.writeNumber((Long) value);
            case TEXT -> g.writeString((String) value);
            case JSON, GEOMETRY -> g.writeRawValue((String) value);
            case TIME_INSTANT -> g.writeString(format((OffsetDateTime) value));
            case TIME_INSTANT_OR_INTERVAL -> g.writeString(format((PropertyColumns.Time) value));
            case TIME_INTERVAL, TIME_ENVELOPE -> g.writeString(formatInterval((PropertyColumns.Time) value));
            case RESULT -> writeResult(g, (PropertyColumns.Result) value);
        }
    }

    private static void writeResult(JsonGenerator g, PropertyColumns.Result result) {
        switch (result.type()) {
            case 1 -> g.writeNumber(result.number());
            case 2 -> g.writeNumber((long) result.number());
            case 3 -> g.writeString(result.string());
            case 4 -> g.writeBoolean(result.bool());
            case 5 -> g.writeRawValue(result.json());
            default -> g.writeNull();
        }
    }

    /** ISO 8601 in UTC with as many fraction digits as needed: 2024-05-01T12:00:00Z, ...:00.250Z. */
    public static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
    }

    /** An instant (no end), or start/end. */
    public static String format(PropertyColumns.Time time) {
        return time.end() == null ? format(time.start()) : formatInterval(time);
    }

    /** Always start/end, as validTime and a Datastream's times are intervals even when start = end. */
    public static String formatInterval(PropertyColumns.Time time) {
        return format(time.start()) + "/" + format(time.end());
    }
}
