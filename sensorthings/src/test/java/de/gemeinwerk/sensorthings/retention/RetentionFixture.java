package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.sensorthings.StaClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant with one Thing of three Datastreams and a MultiDatastream (two Measurements), and Observations stored in
 * bulk (CreateObservations).
 */
record RetentionFixture(StaClient client, List<Long> datastreams, long multiDatastream) {

    static RetentionFixture create(StaClient client) {
        String datastream = """
                {"name": "%s", "description": "Messreihe", "unitOfMeasurement": {"name": "Grad", "symbol": "°C"},
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "Sensor": {"name": "Fühler", "description": "PT100", "encodingType": "text/html", "metadata": "-"},
                 "ObservedProperty": {"name": "Temperatur", "definition": "https://example.org/t", "description": "T"}}""";
        String multiDatastream = """
                {"name": "Wetter", "description": "Temperatur und Feuchte",
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation",
                 "multiObservationDataTypes": ["http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                                               "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"],
                 "unitOfMeasurements": [{"name": "Grad", "symbol": "°C"}, {"name": "Prozent", "symbol": "%"}],
                 "Sensor": {"name": "Wetterfühler", "description": "WS", "encodingType": "text/html", "metadata": "-"},
                 "ObservedProperties": [
                   {"name": "Lufttemperatur", "definition": "https://example.org/at", "description": "T"},
                   {"name": "Luftfeuchte", "definition": "https://example.org/rh", "description": "F"}]}""";
        // the Location gives the Observations their FeatureOfInterest
        long thing = client.create("Things", "{\"name\": \"Station\", \"description\": \"am Markt\", \"Locations\": [{"
                + "\"name\": \"Markt\", \"description\": \"Platz\", \"encodingType\": \"application/geo+json\","
                + " \"location\": {\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}}], \"Datastreams\": ["
                + String.join(",", datastream.formatted("A"), datastream.formatted("B"), datastream.formatted("C"))
                + "], \"MultiDatastreams\": [" + multiDatastream + "]}");
        List<Long> ids = new ArrayList<>();
        client.get("Things(" + thing + ")/Datastreams?$orderby=id").get("value").forEach(d -> ids.add(d.get("@iot.id").asLong()));
        long multi = client.get("Things(" + thing + ")/MultiDatastreams").at("/value/0/@iot.id").asLong();
        return new RetentionFixture(client, ids, multi);
    }

    /** Stores one Observation per phenomenonTime (an instant or an interval), result 1, 2, 3, … */
    void observations(long datastream, String... phenomenonTimes) {
        store("Datastream", datastream, phenomenonTimes, "%d");
    }

    /** Stores one Observation of the MultiDatastream per phenomenonTime, result [1, 1], [2, 2], … */
    void multiObservations(String... phenomenonTimes) {
        store("MultiDatastream", multiDatastream, phenomenonTimes, "[%1$d, %1$d]");
    }

    private void store(String parent, long id, String[] phenomenonTimes, String resultFormat) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < phenomenonTimes.length; i++) {
            rows.append(i > 0 ? "," : "").append("[\"").append(phenomenonTimes[i]).append("\",")
                    .append(resultFormat.formatted(i + 1)).append(']');
        }
        HttpResponse<String> response = client.send("POST", "CreateObservations", "[{\"" + parent + "\": {\"@iot.id\": "
                + id + "}, \"components\": [\"phenomenonTime\", \"result\"], \"dataArray\": [" + rows + "]}]");
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
        return count("Datastreams(" + datastream + ")");
    }

    long multiCount() {
        return count("MultiDatastreams(" + multiDatastream + ")");
    }

    private long count(String parent) {
        return client.get(parent + "/Observations?$count=true&$top=0").get("@iot.count").asLong();
    }

    String phenomenonTime(long datastream) {
        return phenomenonTime("Datastreams(" + datastream + ")");
    }

    String multiPhenomenonTime() {
        return phenomenonTime("MultiDatastreams(" + multiDatastream + ")");
    }

    private String phenomenonTime(String parent) {
        return client.get(parent).path("phenomenonTime").asString(null);
    }

}
