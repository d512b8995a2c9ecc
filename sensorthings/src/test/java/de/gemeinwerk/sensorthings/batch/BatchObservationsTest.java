package de.gemeinwerk.sensorthings.batch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Observations created by a batch: inside an atomicity group they commit or roll back with the group. */
class BatchObservationsTest extends BatchHttpTest {

    private long datastream;

    /** Set up by a batch itself: one atomicity group whose Datastream references the Thing, Sensor and property. */
    @BeforeEach
    void newDatastream() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "thing", "atomicityGroup": "setup", "method": "post", "url": "Things",
                   "body": {"name": "Pegel", "description": "Wasserstand",
                            "Locations": [{"name": "Brücke", "description": "d", "encodingType": "application/geo+json",
                                           "location": {"type": "Point", "coordinates": [8.5, 49.5]}}]}},
                  {"id": "sensor", "atomicityGroup": "setup", "method": "post", "url": "Sensors",
                   "body": {"name": "Radar", "description": "d", "encodingType": "text/html", "metadata": "x"}},
                  {"id": "property", "atomicityGroup": "setup", "method": "post", "url": "ObservedProperties",
                   "body": {"name": "Wasserstand", "definition": "http://example.org/wl", "description": "d"}},
                  {"id": "datastream", "atomicityGroup": "setup", "method": "post", "url": "$thing/Datastreams",
                   "body": {"name": "Wasserstand", "description": "cm",
                            "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                            "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                            "Sensor": {"@iot.id": "$sensor"}, "ObservedProperty": {"@iot.id": "$property"}}}
                ]}""");
        assertThat(responses).allSatisfy(r -> assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(201));
        datastream = responses.get(3).get("body").get("@iot.id").asLong();
    }

    private String observations(int n, String group) {
        StringBuilder batch = new StringBuilder("{\"requests\": [");
        for (int i = 0; i < n; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"id": "o%d", %s"method": "post", "url": "Datastreams(%d)/Observations",
                     "headers": {"Prefer": "return=minimal"},
                     "body": {"phenomenonTime": "2026-11-22T10:%02d:%02dZ", "result": %d}}"""
                    .formatted(i, group == null ? "" : "\"atomicityGroup\": \"" + group + "\", ", datastream,
                            i / 60 % 60, i % 60, i));
        }
        return batch.append("]}").toString();
    }

    @Test
    void aThousandObservationsInOneGroup() {
        long started = System.nanoTime();
        JsonNode responses = tenant.jsonResponses(observations(1000, "ingest"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(responses).hasSize(1000).allSatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(201));
        assertThat(tenant.count("Datastreams(" + datastream + ")/Observations")).isEqualTo(1000);
        System.out.println("batch of 1000 Observation POSTs in one atomicity group: " + millis + " ms");
    }

    @Test
    void aThousandObservationsEachOnItsOwn() {
        long started = System.nanoTime();
        JsonNode responses = tenant.jsonResponses(observations(1000, null));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(responses).hasSize(1000).allSatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(201));
        assertThat(tenant.count("Datastreams(" + datastream + ")/Observations")).isEqualTo(1000);
        System.out.println("batch of 1000 Observation POSTs outside groups: " + millis + " ms");
    }

    @Test
    void anObservationOfAFailedGroupIsNotStored() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "atomicityGroup": "g", "method": "post", "url": "Datastreams(%d)/Observations",
                   "body": {"phenomenonTime": "2026-11-22T10:00:00Z", "result": 1}},
                  {"id": "2", "atomicityGroup": "g", "method": "post", "url": "Datastreams(999999999)/Observations",
                   "body": {"phenomenonTime": "2026-11-22T10:00:00Z", "result": 2}}
                ]}""".formatted(datastream));

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(424);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(tenant.count("Datastreams(" + datastream + ")/Observations")).isZero();
        assertThat(tenant.count("Observations")).isZero();
    }
}
