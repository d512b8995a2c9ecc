package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsWriter;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import de.gemeinwerk.sensorthings.model.EntityType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes entities as SensorThings JSON straight from the rows read, with {@code @iot.selfLink},
 * {@code @iot.id}, the properties in specification order, navigation links and expanded relations (an expanded
 * collection cut by its page size followed by a {@code @iot.nextLink} to the rest, as in FROST-Server).
 * Stored JSON (properties, geometries) is copied through without being parsed.
 */
public final class EntityJson {

    // Names are escaped and encoded once, not for every row of every response.
    private static final SerializableString SELF_LINK = new SerializedString("@iot.selfLink");
    private static final SerializableString ID = new SerializedString("@iot.id");
    private static final Map<Property, SerializableString> PROPERTY_NAMES = new IdentityHashMap<>();
    private static final Map<Navigation, SerializableString> LINK_NAMES = new IdentityHashMap<>();

    static {
        for (EntityType type : EntityType.values()) {
            type.properties().forEach(p -> PROPERTY_NAMES.put(p, new SerializedString(p.name())));
            type.navigations().forEach(n -> LINK_NAMES.put(n, new SerializedString(n.name() + "@iot.navigationLink")));
        }
    }

    private EntityJson() {}

    /** {@code {"@iot.count": n, "value": [...], "@iot.nextLink": "..."}} */
    public static void writeCollection(JsonGenerator g, EntityReader.Page page, Projection projection,
                                       List<ExpandNode> expand, String serviceRoot, String nextLink) {
        g.writeStartObject();
        if (page.count() != null) {
            g.writeName("@iot.count");
            g.writeNumber(page.count());
            if (page.countEstimated()) {
                // an OData instance annotation of our own: the count exceeded its time budget
                g.writeName("@gemeinwerk.countIsEstimate");
                g.writeBoolean(true);
            }
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
        writeEntity(g, row, projection, expand, serviceRoot, selfLinkPrefix(projection, serviceRoot));
    }

    /** "https://…/musterstadt/v1.1/Observations(": the self link of every entity of a response up to its id. */
    private static String selfLinkPrefix(Projection projection, String serviceRoot) {
        return serviceRoot + "/" + projection.type().setName() + "(";
    }

    private static void writeEntity(JsonGenerator g, EntityRow row, Projection projection, List<ExpandNode> expand,
                                    String serviceRoot, String selfLinkPrefix) {
        g.writeStartObject();
        String self = selfLinkPrefix + row.id() + ")";
        if (projection.selfLink()) {
            g.writeName(SELF_LINK);
            g.writeString(self);
        }
        if (projection.id()) {
            g.writeName(ID);
            g.writeNumber(row.id());
        }
        List<Property> properties = projection.properties();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            SerializableString name = PROPERTY_NAMES.get(property);
            if (name != null) {
                g.writeName(name);
            } else {
                g.writeName(property.name());
            }
            writeValue(g, property, row.value(i));
        }
        for (Navigation navigation : projection.navigationLinks()) {
            if (row.omitsLink(navigation)) {
                continue;
            }
            g.writeName(LINK_NAMES.get(navigation));
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
                if (expanded.more()) {
                    g.writeName(name + "@iot.nextLink");
                    g.writeString(self + "/" + name + "?" + QueryOptionsWriter.query(
                            node.pageOptions(expanded.top(), expanded.skip() + expanded.top())));
                }
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
        String selfLinkPrefix = selfLinkPrefix(projection, serviceRoot);
        for (EntityRow row : rows) {
            writeEntity(g, row, projection, expand, serviceRoot, selfLinkPrefix);
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
            case TIME_INSTANT -> g.writeString((String) value);
            case TIME_INSTANT_OR_INTERVAL -> g.writeString(format((PropertyColumns.IsoTime) value));
            case TIME_INTERVAL, TIME_ENVELOPE -> g.writeString(formatInterval((PropertyColumns.IsoTime) value));
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

    /** An instant (no end), or start/end. */
    public static String format(PropertyColumns.IsoTime time) {
        return time.end() == null ? time.start() : formatInterval(time);
    }

    /** Always start/end, as validTime and a Datastream's times are intervals even when start = end. */
    public static String formatInterval(PropertyColumns.IsoTime time) {
        return time.start() + "/" + time.end();
    }
}
