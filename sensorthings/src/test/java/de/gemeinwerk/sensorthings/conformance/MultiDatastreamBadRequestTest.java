package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.WeatherStation.OM;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.measurements;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.multiDatastream;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.units;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that break the rules of the MultiDatastream extension are refused with a 400 whose {@code where} points at
 * the offending place, and nothing of them is stored.
 */
@SensorThingsTest
class MultiDatastreamBadRequestTest extends WeatherStationTestBase {

    private String body(List<Long> properties, String units, String types) {
        return multiDatastream("Falsch", station.thing, station.sensor, properties, units, types);
    }

    private void refused(String path, String body, String where) {
        assertBadRequest(client().send("POST", path, body), where);
    }

    @Test
    void theSizesOfUnitsDataTypesAndObservedPropertiesMustMatch() {
        List<Long> three = station.observedProperties;
        refused("MultiDatastreams", body(three, units(2), measurements(3)), "body: /unitOfMeasurements");
        refused("MultiDatastreams", body(three, units(3), measurements(4)), "body: /multiObservationDataTypes");
        refused("MultiDatastreams", body(three.subList(0, 1), units(3), measurements(3)), "body: /unitOfMeasurements");
        refused("MultiDatastreams", body(List.of(), units(1), measurements(1)), "body");
        refused("MultiDatastreams", body(List.of(three.get(0), three.get(0)), units(2), measurements(2)),
                "body: /ObservedProperties/1");
        refused("MultiDatastreams", """
                {"name": "n", "description": "d", "unitOfMeasurements": %s, "multiObservationDataTypes": %s,
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}}""".formatted(units(1), measurements(1),
                station.thing, station.sensor), "body");
        assertThat(ids(client().get("MultiDatastreams"))).containsExactly(station.multiDatastream);
    }

    @Test
    void theArraysAreArraysOfTheRightElements() {
        List<Long> two = station.observedProperties.subList(0, 2);
        refused("MultiDatastreams", body(two, "{\"name\": \"Grad\"}", measurements(2)), "body: /unitOfMeasurements");
        refused("MultiDatastreams", body(two, "[]", measurements(2)), "body: /unitOfMeasurements");
        refused("MultiDatastreams", body(two, "[{\"name\": \"Grad\"}, \"%\"]", measurements(2)), "body: /unitOfMeasurements/1");
        refused("MultiDatastreams", body(two, units(2), "[\"" + OM + "OM_Measurement\", \"Measurement\"]"),
                "body: /multiObservationDataTypes/1");
        refused("MultiDatastreams", body(two, units(2), "\"" + OM + "OM_Measurement\""), "body: /multiObservationDataTypes");
        String withType = body(two, units(2), measurements(2)).replace("\"name\": \"Falsch\"",
                "\"name\": \"Falsch\", \"observationType\": \"" + OM + "OM_Measurement\"");
        refused("MultiDatastreams", withType, "body: /observationType");
        refused("MultiDatastreams", body(two, units(2), measurements(2)).replace("\"Sensor\": {\"@iot.id\": "
                + station.sensor + "}, ", ""), "body");
    }

    @Test
    void theResultOfAnObservationIsAnArrayOfTheMultiDatastreamsSize() {
        String observations = "MultiDatastreams(" + station.multiDatastream + ")/Observations";
        // the ingest lane and the general path (a body that also creates its FeatureOfInterest) alike
        refused(observations, "{\"result\": 21.5}", "body: /result");
        refused(observations, "{\"result\": {\"t\": 21.5}}", "body: /result");
        refused(observations, "{\"result\": [21.5, 60]}", "body: /result");
        refused(observations, "{\"result\": [21.5, 60, \"clear\", 4]}", "body: /result");
        String feature = ", \"FeatureOfInterest\": {\"name\": \"f\", \"description\": \"d\", \"encodingType\":"
                + " \"application/geo+json\", \"feature\": {\"type\": \"Point\", \"coordinates\": [7, 51]}}";
        refused(observations, "{\"result\": [21.5, 60]" + feature + "}", "body: /result");
        refused("Observations", "{\"result\": [1], \"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "}}",
                "body: /result");
        refused("Things(" + station.thing + ")/MultiDatastreams", """
                {"name": "n", "description": "d", "unitOfMeasurements": %s, "multiObservationDataTypes": %s,
                 "Sensor": {"@iot.id": %d}, "ObservedProperties": [{"@iot.id": %d}],
                 "Observations": [{"result": [1, 2]}]}""".formatted(units(1), measurements(1), station.sensor,
                station.observedProperties.getFirst()), "body: /Observations/0/result");
        assertThat(client().get(observations + "?$count=true").get("@iot.count").asLong()).isEqualTo(3);
        assertThat(ids(client().get("MultiDatastreams"))).containsExactly(station.multiDatastream);
    }

    @Test
    void anObservationBelongsToExactlyOneDatastreamOrMultiDatastream() {
        String both = "{\"result\": [1, 2, \"x\"], \"Datastream\": {\"@iot.id\": " + station.datastream + "},"
                + " \"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "}}";
        refused("Observations", both, "body: /MultiDatastream");
        refused("Observations", "{\"result\": 1}", "body");
        refused("MultiDatastreams(" + station.multiDatastream + ")/Observations",
                "{\"result\": [1, 2, \"x\"], \"Datastream\": {\"@iot.id\": " + station.datastream + "}}", "body: /Datastream");
        refused("Datastreams(" + station.datastream + ")/Observations",
                "{\"result\": 1, \"MultiDatastream\": {\"@iot.id\": " + station.multiDatastream + "}}", "body: /MultiDatastream");
        assertProblem(client().send("POST", "MultiDatastreams(" + Long.MAX_VALUE + ")/Observations", "{\"result\": [1]}"), 404);
        refused("Observations", "{\"result\": [1], \"MultiDatastream\": {\"@iot.id\": " + Long.MAX_VALUE + "}}",
                "body: /MultiDatastream");
    }

    @Test
    void theAggregateExtensionsStayDatastreamOnly() {
        String multi = "MultiDatastreams(" + station.multiDatastream + ")";
        assertProblem(client().getRaw(multi + "/Observations/$aggregate?interval=day&from=2014-01-01"), 400);
        assertProblem(client().getRaw("MultiDatastreams/$latest"), 400);
    }

    @Test
    void newMultiDatastreamsCannotBeCreatedThroughAnObservedProperty() {
        refused("ObservedProperties(" + station.observedProperties.getFirst() + ")/MultiDatastreams",
                body(station.observedProperties, units(3), measurements(3)), "path");
        refused("ObservedProperties", """
                {"name": "Wind", "definition": "d", "description": "d", "MultiDatastreams": [%s]}"""
                .formatted(body(station.observedProperties, units(3), measurements(3))), "body: /MultiDatastreams");
        assertThat(names(client().get("ObservedProperties"))).doesNotContain("Wind");
    }
}
