package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import tools.jackson.core.JsonGenerator;

import java.util.List;

/**
 * {@code {"value": [{"Datastream@iot.id": 1, "@iot.id": 9, "phenomenonTime": ..., "result": ...}, ...]}}: one member
 * per Datastream of the page that has an Observation, in the page's order; Datastreams without one are left out.
 */
record LatestAnswer(EntityReader.Page datastreams, ExpandNode observation) implements ExtensionAnswer {

    @Override
    public void write(JsonGenerator g, String nextLink) {
        List<Property> properties = observation.projection().properties();
        g.writeStartObject();
        g.writeName("value");
        g.writeStartArray();
        for (EntityRow datastream : datastreams.rows()) {
            List<EntityRow> latest = datastream.expanded().get(observation.navigation()).rows();
            if (latest.isEmpty()) {
                continue;
            }
            EntityRow row = latest.getFirst();
            g.writeStartObject();
            g.writeName("Datastream@iot.id");
            g.writeNumber(datastream.id());
            g.writeName("@iot.id");
            g.writeNumber(row.id());
            for (int i = 0; i < properties.size(); i++) {
                g.writeName(properties.get(i).name());
                EntityJson.writeValue(g, properties.get(i), row.value(i));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        ExtensionAnswer.writeNextLink(g, nextLink);
        g.writeEndObject();
    }
}
