package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Datastream's phenomenonTime and resultTime are the envelope of its Observations' times (SensorThings 1.1,
 * Datastream properties), however the Observations come, go or change.
 */
@SensorThingsTest
class DatastreamEnvelopeTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    private StaClient sta;
    private long datastream;

    @BeforeEach
    void aDatastreamOfAThingWithALocation() {
        sta = StaClient.newTenant(port, tenants, keys, "envelope");
        long thing = sta.create("Things", """
                {"name": "Pegel", "description": "d", "Locations": [{"name": "L", "description": "d",
                 "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [9.5, 51.3]}}],
                 "Datastreams": [{"name": "Wasserstand", "description": "d", "observationType":
                   "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "https://ucum.org/ucum#cm"},
                   "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "https://example.org"},
                   "ObservedProperty": {"name": "P", "definition": "https://example.org/p", "description": "d"}}]}""");
        datastream = sta.get("Things(" + thing + ")/Datastreams").get("value").get(0).get("@iot.id").asLong();
    }

    private long observe(String phenomenonTime, String resultTime) {
        return sta.create("Datastreams(" + datastream + ")/Observations", "{\"phenomenonTime\": \"" + phenomenonTime
                + "\", \"result\": 1" + (resultTime == null ? "" : ", \"resultTime\": \"" + resultTime + "\"") + "}");
    }

    private JsonNode envelope() {
        return sta.get("Datastreams(" + datastream + ")?$select=phenomenonTime,resultTime");
    }

    @Test
    void withoutObservationsBothTimesAreNull() {
        assertThat(envelope().get("phenomenonTime").isNull()).isTrue();
        assertThat(envelope().get("resultTime").isNull()).isTrue();
    }

    @Test
    void insertsWidenItAndOnlyObservationsWithAResultTimeCountForTheResultTime() {
        observe("2024-05-01T10:00:00Z", null);
        observe("2024-05-01T08:00:00Z", "2024-05-01T08:00:05Z");
        observe("2024-05-01T11:00:00Z/2024-05-01T12:00:00Z", null);
        assertThat(envelope().get("phenomenonTime").asString()).isEqualTo("2024-05-01T08:00:00Z/2024-05-01T12:00:00Z");
        assertThat(envelope().get("resultTime").asString()).isEqualTo("2024-05-01T08:00:05Z/2024-05-01T08:00:05Z");
    }

    @Test
    void deletingAndChangingObservationsShrinkItExactly() {
        long first = observe("2024-05-01T08:00:00Z", null);
        observe("2024-05-01T10:00:00Z", null);
        long last = observe("2024-05-01T12:00:00Z", "2024-05-01T12:00:01Z");
        assertThat(sta.send("DELETE", "Observations(" + last + ")", null).statusCode()).isEqualTo(200);
        assertThat(envelope().get("phenomenonTime").asString()).isEqualTo("2024-05-01T08:00:00Z/2024-05-01T10:00:00Z");
        assertThat(envelope().get("resultTime").isNull()).isTrue();
        assertThat(sta.send("PATCH", "Observations(" + first + ")", "{\"phenomenonTime\": \"2024-05-01T09:00:00Z\"}")
                .statusCode()).isEqualTo(200);
        assertThat(envelope().get("phenomenonTime").asString()).isEqualTo("2024-05-01T09:00:00Z/2024-05-01T10:00:00Z");
    }

    @Test
    void deletingTheFeatureOfInterestTakesItsObservationsOutOfTheEnvelope() {
        long observation = observe("2024-05-01T08:00:00Z", null);
        long feature = sta.get("Observations(" + observation + ")/FeatureOfInterest").get("@iot.id").asLong();
        assertThat(sta.send("DELETE", "FeaturesOfInterest(" + feature + ")", null).statusCode()).isEqualTo(200);
        assertThat(envelope().get("phenomenonTime").isNull()).isTrue();
    }

    @Test
    void filtersSeeTheSameEnvelope() {
        observe("2024-05-01T08:00:00Z", null);
        observe("2024-05-03T08:00:00Z", null);
        assertThat(sta.get("Datastreams?$filter=during(phenomenonTime, 2024-04-30T00:00:00Z/2024-05-04T00:00:00Z)"
                + " and id eq " + datastream).get("value")).hasSize(1);
        assertThat(sta.get("Datastreams?$filter=during(phenomenonTime, 2024-05-02T00:00:00Z/2024-05-04T00:00:00Z)"
                + " and id eq " + datastream).get("value")).isEmpty();
    }
}
