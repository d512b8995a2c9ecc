package de.gemeinwerk.sensorthings.dataarray;

import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.Projection;
import tools.jackson.core.JsonGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a page of Observations in the Data Array format of SensorThings 1.1: one element of {@code value} per
 * Datastream or MultiDatastream (in the order its first Observation appears on the page), named by
 * {@code Datastream@iot.navigationLink} or {@code MultiDatastream@iot.navigationLink}, each with the components — {@code id}
 * if selected, then the selected properties in specification order — and one array of values per Observation.
 * The values are written exactly as the normal format writes them.
 */
public final class DataArrayJson {

    private DataArrayJson() {}

    /**
     * @param groups the Datastream or MultiDatastream of each row of the page, in row order
     */
    public static void write(JsonGenerator g, EntityReader.Page page, List<ObservationDatastreams.Group> groups,
                             Projection projection, String serviceRoot, String nextLink) {
        Map<ObservationDatastreams.Group, List<EntityRow>> byDatastream = new LinkedHashMap<>();
        for (int i = 0; i < page.rows().size(); i++) {
            byDatastream.computeIfAbsent(groups.get(i), id -> new ArrayList<>()).add(page.rows().get(i));
        }
        g.writeStartObject();
        if (page.count() != null) {
            g.writeName("@iot.count");
            g.writeNumber(page.count());
        }
        g.writeName("value");
        g.writeStartArray();
        byDatastream.forEach((datastream, rows) -> writeGroup(g, datastream, rows, projection, serviceRoot));
        g.writeEndArray();
        if (nextLink != null) {
            g.writeName("@iot.nextLink");
            g.writeString(nextLink);
        }
        g.writeEndObject();
    }

    private static void writeGroup(JsonGenerator g, ObservationDatastreams.Group group, List<EntityRow> rows,
                                   Projection projection, String serviceRoot) {
        g.writeStartObject();
        g.writeStringProperty(group.type().entityName() + "@iot.navigationLink",
                serviceRoot + "/" + group.type().setName() + "(" + group.id() + ")");
        g.writeName("components");
        g.writeStartArray();
        if (projection.id()) {
            g.writeString("id");
        }
        for (Property property : projection.properties()) {
            g.writeString(property.name());
        }
        g.writeEndArray();
        g.writeNumberProperty("dataArray@iot.count", rows.size());
        g.writeName("dataArray");
        g.writeStartArray();
        for (EntityRow row : rows) {
            g.writeStartArray();
            if (projection.id()) {
                g.writeNumber(row.id());
            }
            for (int p = 0; p < projection.properties().size(); p++) {
                EntityJson.writeValue(g, projection.properties().get(p), row.value(p));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
