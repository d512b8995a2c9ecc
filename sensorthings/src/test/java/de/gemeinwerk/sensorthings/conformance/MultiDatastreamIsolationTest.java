package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.WeatherStation.measurements;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.multiDatastream;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.units;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants never see each other's MultiDatastreams. Tenant A and tenant B hold the same weather station (same names,
 * other ids), so a leak shows as a foreign id: nothing of A's MultiDatastream is visible through B, nothing of it
 * can be linked, written or deleted through B, and its Observations do not count for B.
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiDatastreamIsolationTest extends ConformanceTestBase {

    private WeatherStation a;
    private WeatherStation b;

    @BeforeAll
    void createBothTenants() {
        a = new WeatherStation(newTenant("wetter-a"));
        b = new WeatherStation(newTenant("wetter-b"));
    }

    private StaClient viaB() {
        return b.client;
    }

    @Test
    void aIsInvisibleThroughB() {
        assertThat(ids(viaB().get("MultiDatastreams"))).containsExactly(b.multiDatastream);
        assertThat(ids(viaB().get("Observations?$filter=MultiDatastream/name ne 'x'")))
                .containsExactlyInAnyOrderElementsOf(b.observations);
        assertThat(viaB().get("Observations?$count=true&$top=1").get("@iot.count").asLong()).isEqualTo(4);
        assertThat(ids(viaB().get("Things?$filter=MultiDatastreams/id eq " + a.multiDatastream))).isEmpty();
        String multi = "MultiDatastreams(" + a.multiDatastream + ")";
        for (String path : List.of(multi, multi + "/Observations", multi + "/ObservedProperties", multi + "/Thing",
                multi + "/Observations?$resultFormat=dataArray", multi + "/ObservedProperties/$ref",
                "Things(" + a.thing + ")/MultiDatastreams", "Sensors(" + a.sensor + ")/MultiDatastreams",
                "ObservedProperties(" + a.observedProperties.getFirst() + ")/MultiDatastreams",
                "Observations(" + a.observations.getFirst() + ")",
                "Observations(" + a.observations.getFirst() + ")/MultiDatastream")) {
            assertProblem(viaB().getRaw(path), 404);
        }
        JsonNode expanded = viaB().get("Things(" + b.thing + ")?$expand=MultiDatastreams($expand=Observations)");
        assertThat(expanded.get("MultiDatastreams")).hasSize(1);
        assertThat(expanded.at("/MultiDatastreams/0/Observations")).hasSize(3);
    }

    @Test
    void aCannotBeLinkedOrWrittenOrDeletedThroughB() {
        String multi = "MultiDatastreams(" + a.multiDatastream + ")";
        assertProblem(viaB().send("POST", multi + "/Observations", "{\"result\": [1, 2, \"x\"]}"), 404);
        assertBadRequest(viaB().send("POST", "Observations", "{\"result\": [1, 2, \"x\"], \"MultiDatastream\":"
                + " {\"@iot.id\": " + a.multiDatastream + "}}"), "body: /MultiDatastream");
        assertBadRequest(viaB().send("PATCH", "Observations(" + b.observations.getFirst() + ")",
                "{\"MultiDatastream\": {\"@iot.id\": " + a.multiDatastream + "}}"), "body: /MultiDatastream");
        JsonNode links = StaClient.json(viaB().send("POST", "CreateObservations", "[{\"MultiDatastream\": {\"@iot.id\": "
                + a.multiDatastream + "}, \"components\": [\"result\"], \"dataArray\": [[[1, 2, \"x\"]]]}]").body());
        assertThat(links.toString()).isEqualTo("[\"error\"]");
        // B's MultiDatastream with A's ObservedProperty, Thing or Sensor
        assertBadRequest(viaB().send("POST", "MultiDatastreams", multiDatastream("Fremd", b.thing, b.sensor,
                List.of(a.observedProperties.getFirst()), units(1), measurements(1))), "body: /ObservedProperties/0");
        assertBadRequest(viaB().send("POST", "MultiDatastreams", multiDatastream("Fremd", a.thing, b.sensor,
                List.of(b.observedProperties.getFirst()), units(1), measurements(1))), "body: /Thing");
        assertProblem(viaB().send("PATCH", multi, "{\"name\": \"gekapert\"}"), 404);
        assertProblem(viaB().send("PUT", multi + "/Thing/$ref", "{\"@iot.id\": " + b.thing + "}"), 404);
        assertProblem(viaB().send("DELETE", multi, null), 404);
        assertProblem(viaB().send("DELETE", "Observations(" + a.observations.getFirst() + ")", null), 404);
        assertBadRequest(viaB().send("POST", "Things(" + b.thing + ")/MultiDatastreams/$ref",
                "{\"@iot.id\": " + a.multiDatastream + "}"), "body: /@iot.id");

        JsonNode unchanged = a.client.get(multi + "?$expand=Thing($select=id),Observations($select=id)");
        assertThat(unchanged.get("name").asString()).isEqualTo(WeatherStation.MULTI);
        assertThat(unchanged.at("/Thing/@iot.id").asLong()).isEqualTo(a.thing);
        assertThat(unchanged.get("Observations")).hasSize(3);
        assertThat(ids(viaB().get("MultiDatastreams"))).containsExactly(b.multiDatastream);
        assertThat(viaB().get("MultiDatastreams(" + b.multiDatastream + ")/Observations?$count=true")
                .get("@iot.count").asLong()).isEqualTo(3);
    }
}
