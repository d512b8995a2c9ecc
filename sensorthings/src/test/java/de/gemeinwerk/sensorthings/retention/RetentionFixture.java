package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.sensorthings.StaClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant with one Thing of three Datastreams, and Observations stored in bulk (CreateObservations). */
record RetentionFixture(StaClient client, List<Long> datastreams) {

    static RetentionFixture create(StaClient client) {
        String datastream = """
                {"name": "%s", "description": "Messreihe", "unitOfMeasurement": {"name": "Grad", "symbol": "°C"},
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "Sensor": {"name": "Fühler", "description": "PT100", "encodingType": "text/html", "metadata": "-"},
                 "ObservedProperty": {"name": "Temperatur", "definition": "https://example.org/t", "description": "T"}}""";
        // the Location gives the Observations their FeatureOfInterest
        long thing = client.create("Things", "{\"name\": \"Station\", \"description\": \"am Markt\", \"Locations\": [{"
                + "\"name\": \"Markt\", \"description\": \"Platz\", \"encodingType\": \"application/geo+json\","
                + " \"location\": {\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}}], \"Datastreams\": ["
                + String.join(",", datastream.formatted("A"), datastream.formatted("B"), datastream.formatted("C")) + "]}");
        List<Long> ids = new ArrayList<>();
        client.get("Things(" + thing + ")/Datastreams?$orderby=id").get("value").forEach(d -> ids.add(d.get("@iot.id").asLong()));
        return new RetentionFixture(client, ids);
    }

    /** Stores one Observation per phenomenonTime (an instant or an interval), result 1, 2, 3, … */
    void observations(long datastream, String... phenomenonTimes) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < phenomenonTimes.length; i++) {
            rows.append(i > 0 ? "," : "").append("[\"").append(phenomenonTimes[i]).append("\",").append(i + 1).append(']');
        }
        HttpResponse<String> response = client.send("POST", "CreateObservations", "[{\"Datastream\": {\"@iot.id\": "
                + datastream + "}, \"components\": [\"phenomenonTime\", \"result\"], \"dataArray\": [" + rows + "]}]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).doesNotContain("error");
    }

    /** {@code n} Observations, one a minute from {@code start} (an ISO instant such as 2025-01-01T00:00:00Z). */
    void minutes(long datastream, String start, int n) {
        java.time.Instant first = java.time.Instant.parse(start);
        observations(datastream, java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> first.plusSeconds(60L * i).toString()).toArray(String[]::new));
    }

    long count(long datastream) {
        return client.get("Datastreams(" + datastream + ")/Observations?$count=true&$top=0").get("@iot.count").asLong();
    }

    String phenomenonTime(long datastream) {
        return client.get("Datastreams(" + datastream + ")").path("phenomenonTime").asString(null);
    }

}
