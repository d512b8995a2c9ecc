package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.WeatherStation.OM;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.measurements;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.multiDatastream;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.units;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, changing, linking and deleting MultiDatastreams and their Observations (Create-Update-Delete with the
 * rules of the MultiDatastream extension re-checked), each test in a weather station of its own.
 */
@SensorThingsTest
class MultiDatastreamWriteTest extends ConformanceTestBase {

    private WeatherStation station() {
        return new WeatherStation(newTenant("wetter-w"));
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(status);
    }

    @Test
    void aMultiDatastreamIsCreatedThroughEachCollectionItBelongsTo() {
        WeatherStation station = station();
        StaClient sta = station.client;
        List<Long> two = station.observedProperties.subList(0, 2);
        String body = multiDatastream("Direkt", station.thing, station.sensor, two, units(2), measurements(2));
        long direct = sta.create("MultiDatastreams", body);
        long viaThing = sta.create("Things(" + station.thing + ")/MultiDatastreams",
                body.replace("\"Thing\": {\"@iot.id\": " + station.thing + "}, ", ""));
        long viaSensor = sta.create("Sensors(" + station.sensor + ")/MultiDatastreams",
                body.replace("\"Sensor\": {\"@iot.id\": " + station.sensor + "}, ", ""));
        for (long id : List.of(direct, viaThing, viaSensor)) {
            JsonNode created = sta.get("MultiDatastreams(" + id + ")?$expand=ObservedProperties($select=id),Thing($select=id)");
            // observationType can only be OM_ComplexObservation: left out, it is filled in
            assertThat(created.get("observationType").asString()).isEqualTo(OM + "OM_ComplexObservation");
            assertThat(ids(StaClient.json("{\"value\": " + created.get("ObservedProperties") + "}")))
                    .containsExactlyElementsOf(two);
            assertThat(created.at("/Thing/@iot.id").asLong()).isEqualTo(station.thing);
            assertThat(created.get("phenomenonTime").isNull()).isTrue();
        }
    }

    @Test
    void aDeepInsertCreatesNewAndLinksExistingObservedPropertiesInTheOrderGiven() {
        WeatherStation station = station();
        StaClient sta = station.client;
        long created = sta.create("Things(" + station.thing + ")/MultiDatastreams", """
                {"name": "Gemischt", "description": "d", "unitOfMeasurements": %s, "multiObservationDataTypes": %s,
                 "Sensor": {"@iot.id": %d},
                 "ObservedProperties": [{"@iot.id": %d}, {"name": "Wind", "definition": "d", "description": "d"},
                                        {"@iot.id": %d}]}""".formatted(units(3), measurements(3), station.sensor,
                station.observedProperties.get(2), station.observedProperties.get(0)));
        assertThat(names(sta.get("MultiDatastreams(" + created + ")/ObservedProperties")))
                .containsExactly("Sicht", "Wind", "Lufttemperatur");
    }

    @Test
    void observationsAreCreatedThroughThePathTheBodyAndCreateObservationsAlike() {
        WeatherStation station = station();
        StaClient sta = station.client;
        String path = "MultiDatastreams(" + station.multiDatastream + ")/Observations";
        long feature = sta.get("Observations(" + station.observations.getFirst() + ")/FeatureOfInterest").get("@iot.id").asLong();
        long viaPath = sta.create(path, "{\"result\": [1, 2, \"haze\"], \"FeatureOfInterest\": {\"@iot.id\": " + feature + "}}");
        long viaBody = sta.create("Observations", "{\"result\": [3, 4, \"clear\"], \"phenomenonTime\": \"2016-01-01T00:00:00Z\","
                + " \"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "}}");
        assertStatus(sta.send("POST", "CreateObservations", "[{\"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "},"
                + " \"components\": [\"result\"], \"dataArray\": [[[5, 6, \"fog\"]]]}]"), 201);
        assertThat(sta.get(path + "?$count=true&$top=0").get("@iot.count").asLong()).isEqualTo(6);
        assertThat(sta.get("Observations(" + viaPath + ")").get("result").toString()).isEqualTo("[1,2,\"haze\"]");
        assertThat(sta.get("Observations(" + viaBody + ")/MultiDatastream").get("@iot.id").asLong())
                .isEqualTo(station.multiDatastream);
        assertThat(ids(sta.get(path + "?$filter=phenomenonTime eq 2016-01-01T00:00:00Z"))).containsExactly(viaBody);
    }

    @Test
    void patchPutAndJsonPatchKeepTheSizesMatching() {
        WeatherStation station = station();
        StaClient sta = station.client;
        String path = "MultiDatastreams(" + station.multiDatastream + ")";
        assertStatus(sta.send("PATCH", path, "{\"name\": \"Wetter\", \"unitOfMeasurements\": " + units(3) + "}"), 200);
        assertThat(sta.get(path).at("/unitOfMeasurements/2/symbol").asString()).isEqualTo("degC");
        assertBadRequest(sta.send("PATCH", path, "{\"unitOfMeasurements\": " + units(2) + "}"), "body: /unitOfMeasurements");
        assertBadRequest(sta.send("PATCH", path, "{\"multiObservationDataTypes\": " + measurements(4) + "}"),
                "body: /multiObservationDataTypes");
        assertStatus(sta.send("PUT", path, """
                {"name": "Ersetzt", "description": "neu", "unitOfMeasurements": %s, "multiObservationDataTypes": %s}"""
                .formatted(units(3), measurements(3))), 200);
        JsonNode replaced = sta.get(path);
        assertThat(replaced.get("name").asString()).isEqualTo("Ersetzt");
        assertThat(replaced.get("observedArea").isNull()).isTrue();
        assertThat(replaced.get("observationType").asString()).isEqualTo(OM + "OM_ComplexObservation");
        assertStatus(jsonPatch(sta, path, "[{\"op\": \"replace\", \"path\": \"/unitOfMeasurements/1/symbol\","
                + " \"value\": \"%\"}]"), 200);
        assertThat(sta.get(path).at("/unitOfMeasurements/1/symbol").asString()).isEqualTo("%");
        assertBadRequest(jsonPatch(sta, path, "[{\"op\": \"remove\", \"path\": \"/unitOfMeasurements/2\"}]"),
                "patched entity: /unitOfMeasurements");
        assertBadRequest(sta.send("PATCH", path, "{\"observationType\": \"" + OM + "OM_Measurement\"}"),
                "body: /observationType");
        assertThat(sta.get(path).get("unitOfMeasurements")).hasSize(3);
    }

    @Test
    void theObservedPropertiesOfAMultiDatastreamCannotChangeButItsThingAndSensorCan() {
        WeatherStation station = station();
        StaClient sta = station.client;
        String path = "MultiDatastreams(" + station.multiDatastream + ")";
        long other = sta.create("ObservedProperties", "{\"name\": \"Wind\", \"definition\": \"d\", \"description\": \"d\"}");
        assertBadRequest(sta.send("POST", path + "/ObservedProperties/$ref", "{\"@iot.id\": " + other + "}"), "path");
        assertBadRequest(sta.send("POST", path + "/ObservedProperties", "{\"@iot.id\": " + other + "}"), "path");
        assertBadRequest(sta.send("POST", "ObservedProperties(" + other + ")/MultiDatastreams/$ref",
                "{\"@iot.id\": " + station.multiDatastream + "}"), "path");
        assertBadRequest(sta.send("DELETE", path + "/ObservedProperties(" + station.observedProperties.getFirst() + ")/$ref",
                null), "path");
        assertBadRequest(sta.send("PATCH", path, "{\"ObservedProperties\": [{\"@iot.id\": " + other + "}]}"),
                "body: /ObservedProperties");
        assertThat(ids(sta.get(path + "/ObservedProperties"))).containsExactlyElementsOf(station.observedProperties);

        long thing = sta.create("Things", "{\"name\": \"Neuer Mast\", \"description\": \"d\"}");
        assertStatus(sta.send("PUT", path + "/Thing/$ref", "{\"@iot.id\": " + thing + "}"), 204);
        assertThat(sta.get(path + "/Thing").get("@iot.id").asLong()).isEqualTo(thing);
        assertStatus(sta.send("POST", "Things(" + station.thing + ")/MultiDatastreams/$ref",
                "{\"@iot.id\": " + station.multiDatastream + "}"), 204);
        assertThat(ids(sta.get("Things(" + station.thing + ")/MultiDatastreams"))).containsExactly(station.multiDatastream);
    }

    @Test
    void anObservationMovesBetweenADatastreamAndAMultiDatastreamWhenItsResultFits() {
        WeatherStation station = station();
        StaClient sta = station.client;
        String rain = "Observations(" + station.rainObservation + ")";
        // 1.5 is no array of three values
        assertBadRequest(sta.send("PATCH", rain, "{\"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "}}"),
                "body: /MultiDatastream");
        assertBadRequest(sta.send("PATCH", rain, "{\"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream
                + "}, \"Datastream\": {\"@iot.id\": " + station.datastream + "}}"), "body: /MultiDatastream");
        assertStatus(sta.send("PATCH", rain, "{\"result\": [0, 0, \"clear\"], \"MultiDatastream\": {\"@iot.id\": "
                + station.multiDatastream + "}}"), 200);
        assertThat(sta.get(rain + "/MultiDatastream").get("@iot.id").asLong()).isEqualTo(station.multiDatastream);
        assertProblem(sta.getRaw(rain + "/Datastream"), 404);
        assertThat(sta.get("Datastreams(" + station.datastream + ")/Observations?$count=true").get("@iot.count").asLong())
                .isZero();
        assertThat(sta.get("Datastreams(" + station.datastream + ")").get("phenomenonTime").isNull()).isTrue();
        assertThat(sta.get("MultiDatastreams(" + station.multiDatastream + ")/Observations?$count=true")
                .get("@iot.count").asLong()).isEqualTo(4);

        String moved = "Observations(" + station.observations.getFirst() + ")";
        assertBadRequest(sta.send("PATCH", moved, "{\"result\": [1, 2]}"), "body: /result");
        assertBadRequest(sta.send("PATCH", moved, "{\"result\": 7}"), "body: /result");
        assertStatus(sta.send("PUT", moved + "/Datastream/$ref", "{\"@iot.id\": " + station.datastream + "}"), 204);
        assertThat(sta.get("Datastreams(" + station.datastream + ")/Observations?$count=true").get("@iot.count").asLong())
                .isEqualTo(1);
        assertThat(sta.get("Datastreams(" + station.datastream + ")").get("phenomenonTime").asString())
                .isEqualTo("2014-12-31T03:59:59Z/2014-12-31T03:59:59Z");
    }

    @Test
    void deletingAThingDeletesItsMultiDatastreamsAndTheirObservations() {
        WeatherStation station = station();
        deleteAndAssertGone(station, "Things(" + station.thing + ")");
        // what the MultiDatastream linked stays
        assertThat(ids(station.client.get("ObservedProperties"))).containsAll(station.observedProperties);
        assertThat(ids(station.client.get("Sensors"))).contains(station.sensor);
    }

    @Test
    void deletingASensorOrAnObservedPropertyDeletesTheMultiDatastreamsThatNeedIt() {
        WeatherStation bySensor = station();
        deleteAndAssertGone(bySensor, "Sensors(" + bySensor.sensor + ")");

        WeatherStation byProperty = station();
        deleteAndAssertGone(byProperty, "ObservedProperties(" + byProperty.observedProperties.get(1) + ")");
        assertThat(ids(byProperty.client.get("ObservedProperties?$filter=name ne 'Niederschlag'")))
                .containsExactly(byProperty.observedProperties.get(0), byProperty.observedProperties.get(2));
        assertThat(ids(byProperty.client.get("Things"))).containsExactly(byProperty.thing);
    }

    @Test
    void deletingAMultiDatastreamDeletesItsObservationsOnly() {
        WeatherStation station = station();
        deleteAndAssertGone(station, "MultiDatastreams(" + station.multiDatastream + ")");
        assertThat(ids(station.client.get("Things"))).containsExactly(station.thing);
        assertThat(ids(station.client.get("Observations"))).containsExactly(station.rainObservation);
        assertProblem(station.client.send("DELETE", "MultiDatastreams(" + station.multiDatastream + ")", null), 404);
        assertStatus(station.client.send("DELETE", "Observations(" + station.rainObservation + ")", null), 200);
        assertThat(station.client.get("Observations?$count=true").get("@iot.count").asLong()).isZero();
    }

    private static HttpResponse<String> jsonPatch(StaClient sta, String path, String patch) {
        return sta.http().send("PATCH", sta.root() + "/" + path, patch, "application/json-patch+json", sta.key());
    }

    @Test
    void deletingObservationsOfAMultiDatastreamLeavesTheCountsOfDatastreamsAlone() {
        WeatherStation station = station();
        StaClient sta = station.client;
        assertStatus(sta.send("DELETE", "Observations(" + station.observations.getFirst() + ")", null), 200);
        assertThat(sta.get("Observations?$count=true").get("@iot.count").asLong()).isEqualTo(3);
        assertThat(sta.get("MultiDatastreams(" + station.multiDatastream + ")").get("phenomenonTime").asString())
                .isEqualTo("2015-01-01T04:00:00Z/2015-01-02T04:00:00Z");
        // all the station's Observations share the FeatureOfInterest generated from its Location
        long feature = sta.get("Observations(" + station.rainObservation + ")/FeatureOfInterest").get("@iot.id").asLong();
        assertStatus(sta.send("DELETE", "FeaturesOfInterest(" + feature + ")", null), 200);
        assertThat(sta.get("Observations?$count=true").get("@iot.count").asLong()).isZero();
        assertThat(sta.get("Datastreams(" + station.datastream + ")/Observations?$count=true").get("@iot.count").asLong())
                .isZero();
        assertThat(sta.get("MultiDatastreams(" + station.multiDatastream + ")").get("phenomenonTime").isNull()).isTrue();
    }

    /** Deletes what the path names; the station's MultiDatastream and its Observations are gone with it. */
    private static void deleteAndAssertGone(WeatherStation station, String path) {
        assertStatus(station.client.send("DELETE", path, null), 200);
        assertProblem(station.client.getRaw("MultiDatastreams(" + station.multiDatastream + ")"), 404);
        for (long observation : station.observations) {
            assertProblem(station.client.getRaw("Observations(" + observation + ")"), 404);
        }
        assertThat(ids(station.client.get("MultiDatastreams"))).isEmpty();
    }
}
