package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.geo.GeoJsonReader;
import de.gemeinwerk.geo.GeoJsonWriter;
import de.gemeinwerk.geo.RightHandRule;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.model.PropertyKind;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Writes entities as an RFC 7946 FeatureCollection, the GeoJSON result format of FROST-Server: one Feature per
 * entity with the entity's id as {@code id}, its geometry (see {@link GeometrySource}; null when it has none), and
 * {@code properties} flattened to one level with JSON-path names — {@code properties/owner}, {@code unitOfMeasurement/symbol},
 * expanded entities as {@code Datastream/name} and, for collections, {@code Datastreams/0/name}. Null values are left
 * out; geometries appear only as the Feature's geometry, written with the right-hand rule (RFC 7946 section 3.1.6).
 * {@code @iot.count} and {@code @iot.nextLink} are foreign members of the collection.
 */
public final class FeatureCollectionWriter {

    private FeatureCollectionWriter() {}

    /**
     * @param geometries the GeoJSON text of each entity's geometry, by entity id (absent: none)
     */
    public static void write(JsonGenerator g, EntityReader.Page page, Projection projection, List<ExpandNode> expand,
                             Map<Long, String> geometries, String serviceRoot, String nextLink) {
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        if (page.count() != null) {
            g.writeNumberProperty("@iot.count", page.count());
        }
        g.writeName("features");
        g.writeStartArray();
        for (EntityRow row : page.rows()) {
            g.writeStartObject();
            g.writeStringProperty("type", "Feature");
            g.writeNumberProperty("id", row.id());
            g.writeName("geometry");
            writeGeometry(g, geometries.get(row.id()));
            g.writeName("properties");
            g.writeStartObject();
            writeProperties(g, "", row, projection, expand, serviceRoot);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (nextLink != null) {
            g.writeStringProperty("@iot.nextLink", nextLink);
        }
        g.writeEndObject();
    }

    private static void writeGeometry(JsonGenerator g, String geoJson) {
        if (geoJson == null) {
            g.writeNull();
        } else {
            // read and written again: a stored Feature becomes its geometry, crs and bbox members go, rings are oriented
            g.writeTree(GeoJsonWriter.toJson(RightHandRule.orient(GeoJsonReader.read(geoJson))));
        }
    }

    private static void writeProperties(JsonGenerator g, String prefix, EntityRow row, Projection projection,
                                        List<ExpandNode> expand, String serviceRoot) {
        if (projection.selfLink()) {
            g.writeStringProperty(prefix + "@iot.selfLink",
                    serviceRoot + "/" + projection.type().setName() + "(" + row.id() + ")");
        }
        if (projection.id()) {
            g.writeNumberProperty(prefix + "id", row.id());
        }
        List<Property> properties = projection.properties();
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            if (property.kind() != PropertyKind.GEOMETRY) {
                writeValue(g, prefix + property.name(), property, row.value(i));
            }
        }
        for (ExpandNode node : expand) {
            List<EntityRow> related = row.expanded().get(node.navigation()).rows();
            String name = prefix + node.navigation().name() + "/";
            for (int i = 0; i < related.size(); i++) {
                writeProperties(g, node.navigation().many() ? name + i + "/" : name, related.get(i), node.projection(),
                        node.children(), serviceRoot);
            }
        }
    }

    private static void writeValue(JsonGenerator g, String name, Property property, Object value) {
        if (value == null) {
            return;
        }
        String json = switch (property.kind()) {
            case JSON -> (String) value;
            case RESULT -> ((PropertyColumns.Result) value).type() == 5 ? ((PropertyColumns.Result) value).json() : null;
            default -> null;
        };
        if (json != null) {
            flatten(g, name, JsonMapper.shared().readTree(json));
        } else if (property.kind() != PropertyKind.RESULT || ((PropertyColumns.Result) value).type() != 0) {
            g.writeName(name);
            EntityJson.writeValue(g, property, value);
        }
    }

    /** Objects and arrays become one member per leaf: {@code properties/owner}, {@code properties/tags/0}. */
    private static void flatten(JsonGenerator g, String name, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                flatten(g, name + "/" + member.getKey(), member.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(g, name + "/" + i, node.get(i));
            }
        } else if (!node.isNull()) {
            g.writeName(name);
            g.writeTree(node);
        }
    }
}
