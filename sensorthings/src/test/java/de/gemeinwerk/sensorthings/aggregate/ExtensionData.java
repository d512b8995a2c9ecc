package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Things, Datastreams and Observations for the extension tests, created over HTTP in one tenant. */
record ExtensionData(StaClient sta) {

    /** A new Thing with {@code count} Datastreams; returns the Thing's id followed by the Datastreams' ids. */
    long[] thingWithDatastreams(int count) {
        StringBuilder datastreams = new StringBuilder();
        for (int i = 0; i < count; i++) {
            datastreams.append(i > 0 ? "," : "").append("""
                    {"name": "Reihe %d", "description": "d", "observationType":
                       "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                     "unitOfMeasurement": {"name": "Grad Celsius", "symbol": "Cel", "definition": "https://ucum.org"},
                     "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "x"},
                     "ObservedProperty": {"name": "P", "definition": "https://example.org/p", "description": "d"}}"""
                    .formatted(i));
        }
        long thing = sta.create("Things", """
                {"name": "Messstation", "description": "d", "Locations": [{"name": "L", "description": "d",
                 "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [9.5, 51.3]}}],
                 "Datastreams": [%s]}""".formatted(datastreams));
        long[] ids = new long[count + 1];
        ids[0] = thing;
        var value = sta.get("Things(" + thing + ")/Datastreams?$orderby=id").get("value");
        for (int i = 0; i < count; i++) {
            ids[i + 1] = value.get(i).get("@iot.id").asLong();
        }
        return ids;
    }

    /** An Observation with a JSON result (a number, or a quoted string). */
    long observe(long datastream, String phenomenonTime, String result) {
        return sta.create("Datastreams(" + datastream + ")/Observations",
                "{\"phenomenonTime\": \"" + phenomenonTime + "\", \"result\": " + result + "}");
    }

    /**
     * A page of Datastreams with their expanded Observations in the compact form of $latest: each Observation,
     * named after its Datastream.
     */
    static List<JsonNode> latestOfEach(JsonNode page) {
        List<JsonNode> compact = new ArrayList<>();
        for (JsonNode datastream : page.get("value")) {
            for (JsonNode observation : datastream.get("Observations")) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                row.put("Datastream@iot.id", datastream.get("@iot.id").asLong());
                row.setAll((ObjectNode) observation);
                // parsed again, so that numbers have the node types of parsed responses
                compact.add(StaClient.json(row.toString()));
            }
        }
        return compact;
    }
}
