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
    /** {@code @iot.id}, encoded once. */
    public static final SerializableString ID = new SerializedString("@iot.id");
    private static final Map<Property, SerializableString> PROPERTY_NAMES = new IdentityHashMap<>();
    private static final Map<Navigation, SerializableString> LINK_NAMES = new IdentityHashMap<>();
    private static final Map<Navigation, SerializableString> NAVIGATION_NAMES = new IdentityHashMap<>();
    private static final Map<Navigation, SerializableString> COUNT_NAMES = new IdentityHashMap<>();
    private static final Map<Navigation, SerializableString> NEXT_LINK_NAMES = new IdentityHashMap<>();

    static {
        for (EntityType type : EntityType.values()) {
            type.properties().forEach(p -> PROPERTY_NAMES.put(p, new SerializedString(p.name())));
            type.navigations().forEach(n -> {
                LINK_NAMES.put(n, new SerializedString(n.name() + "@iot.navigationLink"));
                NAVIGATION_NAMES.put(n, new SerializedString(n.name()));
                COUNT_NAMES.put(n, new SerializedString(n.name() + "@iot.count"));
                NEXT_LINK_NAMES.put(n, new SerializedString(n.name() + "@iot.nextLink"));
            });
        }
    }

    /** A property's name, encoded once for all responses (properties of no entity type: encoded now). */
    public static SerializableString name(Property property) {
        SerializableString name = PROPERTY_NAMES.get(property);
        return name != null ? name : new SerializedString(property.name());
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
        writeArray(g, page.rows(), new Shape(projection, serviceRoot), expand);
        if (nextLink != null) {
            g.writeName("@iot.nextLink");
            g.writeString(nextLink);
        }
        g.writeEndObject();
    }

    public static void writeEntity(JsonGenerator g, EntityRow row, Projection projection, List<ExpandNode> expand,
                                   String serviceRoot) {
        writeEntity(g, row, new Shape(projection, serviceRoot), expand);
    }

    /**
     * What is the same for every entity of one projection in one response, looked up once: the encoded names of the
     * properties and links in order, and the links' common part.
     */
    private static final class Shape {

        final Projection projection;
        final Property[] properties;
        final SerializableString[] propertyNames;
        final Navigation[] links;
        final SerializableString[] linkNames;
        final EntityLinks urls;
        final String serviceRoot;
        // the shapes of expanded entities (each Observation's Datastream): one for all entities of this shape
        private final Map<ExpandNode, Shape> expanded = new IdentityHashMap<>();

        Shape(Projection projection, String serviceRoot) {
            this.serviceRoot = serviceRoot;
            this.projection = projection;
            this.properties = projection.properties().toArray(Property[]::new);
            this.propertyNames = new SerializableString[properties.length];
            for (int i = 0; i < properties.length; i++) {
                propertyNames[i] = name(properties[i]);
            }
            this.links = projection.navigationLinks().toArray(Navigation[]::new);
            this.linkNames = new SerializableString[links.length];
            for (int i = 0; i < links.length; i++) {
                linkNames[i] = LINK_NAMES.get(links[i]);
            }
            this.urls = new EntityLinks(serviceRoot, projection.type());
        }

        Shape of(ExpandNode node) {
            return expanded.computeIfAbsent(node, n -> new Shape(n.projection(), serviceRoot));
        }
    }

    private static void writeEntity(JsonGenerator g, EntityRow row, Shape shape, List<ExpandNode> expand) {
        g.writeStartObject();
        long id = row.id();
        if (shape.projection.selfLink()) {
            g.writeName(SELF_LINK);
            shape.urls.writeSelf(g, id);
        }
        if (shape.projection.id()) {
            g.writeName(ID);
            g.writeNumber(id);
        }
        Property[] properties = shape.properties;
        for (int i = 0; i < properties.length; i++) {
            g.writeName(shape.propertyNames[i]);
            writeValue(g, properties[i], row.value(i));
        }
        Navigation[] links = shape.links;
        for (int i = 0; i < links.length; i++) {
            if (!row.omitsLink(links[i])) {
                g.writeName(shape.linkNames[i]);
                shape.urls.writeNavigation(g, id, links[i]);
            }
        }
        for (ExpandNode node : expand) {
            Navigation navigation = node.navigation();
            EntityRow.Expanded expanded = row.expanded().get(navigation);
            if (navigation.many()) {
                if (expanded.count() != null) {
                    g.writeName(COUNT_NAMES.get(navigation));
                    g.writeNumber(expanded.count());
                }
                g.writeName(NAVIGATION_NAMES.get(navigation));
                writeArray(g, expanded.rows(), shape.of(node), node.children());
                if (expanded.more()) {
                    g.writeName(NEXT_LINK_NAMES.get(navigation));
                    g.writeString(shape.urls.self(id) + "/" + navigation.name() + "?" + QueryOptionsWriter.query(
                            node.pageOptions(expanded.top(), expanded.skip() + expanded.top())));
                }
            } else {
                g.writeName(NAVIGATION_NAMES.get(navigation));
                if (expanded.rows().isEmpty()) {
                    g.writeNull();
                } else {
                    writeEntity(g, expanded.rows().getFirst(), shape.of(node), node.children());
                }
            }
        }
        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, List<EntityRow> rows, Shape shape, List<ExpandNode> expand) {
        g.writeStartArray();
        for (EntityRow row : rows) {
            writeEntity(g, row, shape, expand);
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
