package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.util.List;

/**
 * {@code {"value": [{"Datastream@iot.id": 1, "@iot.id": 9, "phenomenonTime": ..., "result": ...}, ...]}}: one member
 * per Datastream of the page that has an Observation, in the page's order; Datastreams without one are left out.
 */
record LatestAnswer(EntityReader.Page datastreams, ExpandNode observation) implements ExtensionAnswer {

    // encoded once, not for each of up to 10,000 members
    private static final SerializableString DATASTREAM_ID = new SerializedString("Datastream@iot.id");

    @Override
    public void write(JsonGenerator g, String nextLink) {
        Property[] properties = observation.projection().properties().toArray(Property[]::new);
        SerializableString[] names = new SerializableString[properties.length];
        for (int i = 0; i < properties.length; i++) {
            names[i] = EntityJson.name(properties[i]);
        }
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
            g.writeName(DATASTREAM_ID);
            g.writeNumber(datastream.id());
            g.writeName(EntityJson.ID);
            g.writeNumber(row.id());
            for (int i = 0; i < properties.length; i++) {
                g.writeName(names[i]);
                EntityJson.writeValue(g, properties[i], row.value(i));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        ExtensionAnswer.writeNextLink(g, nextLink);
        g.writeEndObject();
    }
}
