package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.WeatherStation.MULTI;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.OM;
import static de.gemeinwerk.sensorthings.conformance.WeatherStation.STATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SensorThings 1.1, MultiDatastream extension (req/multi-datastream/properties, relations, constraints) read through
 * the API: the entity as the specification lists it, its relations in both directions, ObservedProperties in their
 * defined order, the query options over the new properties and paths.
 */
@SensorThingsTest
class MultiDatastreamTest extends WeatherStationTestBase {

    private String multi() {
        return "MultiDatastreams(" + station.multiDatastream + ")";
    }

    @Test
    void theServiceRootListsMultiDatastreamsAndTheConformanceClass() {
        JsonNode root = client().get("");
        List<String> sets = new ArrayList<>();
        root.get("value").forEach(set -> sets.add(set.get("name").asString()));
        assertThat(sets).contains("MultiDatastreams");
        assertThat(root.at("/serverSettings/conformance").toString())
                .contains("\"http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream\"");
    }

    @Test
    void aMultiDatastreamHasThePropertiesAndRelationsOfTheSpecification() {
        JsonNode entity = client().get(multi());
        assertThat(fieldNames(entity)).containsExactly("@iot.selfLink", "@iot.id", "name", "description",
                "unitOfMeasurements", "observationType", "multiObservationDataTypes", "observedArea", "phenomenonTime",
                "resultTime", "properties", "Thing@iot.navigationLink", "Sensor@iot.navigationLink",
                "ObservedProperties@iot.navigationLink", "Observations@iot.navigationLink");
        assertThat(entity.get("observationType").asString()).isEqualTo(OM + "OM_ComplexObservation");
        assertThat(entity.get("multiObservationDataTypes").toString()).isEqualTo(
                "[\"" + OM + "OM_Measurement\",\"" + OM + "OM_Measurement\",\"" + OM + "OM_CategoryObservation\"]");
        assertThat(entity.get("unitOfMeasurements")).hasSize(3);
        assertThat(entity.at("/unitOfMeasurements/1/symbol").asString()).isEqualTo("%");
        assertThat(entity.at("/unitOfMeasurements/2/name").isNull()).isTrue();
        assertThat(entity.at("/observedArea/type").asString()).isEqualTo("Polygon");
        assertThat(entity.at("/properties/betreiber").asString()).isEqualTo("Stadtwerke");
        assertThat(entity.get("ObservedProperties@iot.navigationLink").asString()).endsWith(multi() + "/ObservedProperties");
    }

    @Test
    void itsTimesAreTheEnvelopeOfItsObservations() {
        JsonNode entity = client().get(multi());
        assertThat(entity.get("phenomenonTime").asString()).isEqualTo("2014-12-31T03:59:59Z/2015-01-02T04:00:00Z");
        assertThat(entity.get("resultTime").asString()).isEqualTo("2014-12-31T03:59:59Z/2015-01-02T04:05:00Z");
        assertThat(ids(client().get("MultiDatastreams?$filter=phenomenonTime ge 2014-01-01T00:00:00Z")))
                .containsExactly(station.multiDatastream);
        assertThat(ids(client().get("MultiDatastreams?$filter=phenomenonTime gt 2015-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void itsObservationsHaveArrayResultsAndComeInPhenomenonTimeOrder() {
        JsonNode observations = client().get(multi() + "/Observations?$count=true");
        assertThat(ids(observations)).containsExactlyElementsOf(station.observations);
        assertThat(observations.get("@iot.count").asLong()).isEqualTo(3);
        JsonNode first = observations.get("value").get(0);
        assertThat(first.get("result").toString()).isEqualTo("[25,65,\"clear\"]");
        assertThat(first.get("phenomenonTime").asString()).isEqualTo("2014-12-31T03:59:59Z");
        assertThat(first.get("MultiDatastream@iot.navigationLink").asString())
                .endsWith("/Observations(" + station.observations.getFirst() + ")/MultiDatastream");
        assertThat(first.has("Datastream@iot.navigationLink")).isFalse();
    }

    @Test
    void itsObservedPropertiesComeInTheirDefinedOrderNotInIdOrder() {
        // a second MultiDatastream with the same ObservedProperties, linked in reverse order
        List<Long> reversed = station.observedProperties.reversed();
        long other = client().create("MultiDatastreams", WeatherStation.multiDatastream("Rückwärts", station.thing,
                station.sensor, reversed, WeatherStation.units(3), WeatherStation.measurements(3)));
        String path = "MultiDatastreams(" + other + ")";
        assertThat(ids(client().get(path + "/ObservedProperties"))).containsExactlyElementsOf(reversed);
        assertThat(ids(client().get(multi() + "/ObservedProperties"))).containsExactlyElementsOf(station.observedProperties);
        JsonNode expanded = client().get("MultiDatastreams?$filter=id eq " + other + "&$expand=ObservedProperties($select=id)");
        assertThat(ids(wrap(expanded.get("value").get(0).get("ObservedProperties")))).containsExactlyElementsOf(reversed);
        // an explicit $orderby wins over the defined order
        assertThat(names(client().get(path + "/ObservedProperties?$orderby=name")))
                .containsExactly("Luftfeuchte", "Lufttemperatur", "Sicht");
        JsonNode refs = client().get(path + "/ObservedProperties/$ref");
        assertThat(refs.get("value").get(0).get("@iot.selfLink").asString())
                .endsWith("/ObservedProperties(" + reversed.getFirst() + ")");
        assertThat(client().send("DELETE", path, null).statusCode()).isEqualTo(200);
    }

    @Test
    void relationsAreNavigableInBothDirections() {
        assertThat(ids(client().get("Things(" + station.thing + ")/MultiDatastreams"))).containsExactly(station.multiDatastream);
        assertThat(ids(client().get("Sensors(" + station.sensor + ")/MultiDatastreams"))).containsExactly(station.multiDatastream);
        for (long property : station.observedProperties) {
            assertThat(ids(client().get("ObservedProperties(" + property + ")/MultiDatastreams")))
                    .containsExactly(station.multiDatastream);
            assertThat(ids(client().get("ObservedProperties(" + property + ")/Datastreams"))).isEmpty();
        }
        assertThat(client().get(multi() + "/Thing").get("name").asString()).isEqualTo(STATION);
        assertThat(client().get(multi() + "/Sensor").get("name").asString()).isEqualTo("WS-300");
        long observation = station.observations.get(1);
        assertThat(client().get("Observations(" + observation + ")/MultiDatastream").get("@iot.id").asLong())
                .isEqualTo(station.multiDatastream);
        assertThat(client().get("Observations(" + observation + ")/MultiDatastream/Thing").get("@iot.id").asLong())
                .isEqualTo(station.thing);
        // an Observation of a MultiDatastream has no Datastream, and one of a Datastream no MultiDatastream
        assertProblem(client().getRaw("Observations(" + observation + ")/Datastream"), 404);
        assertProblem(client().getRaw("Observations(" + station.rainObservation + ")/MultiDatastream"), 404);
        assertThat(client().get("Observations(" + observation + ")/FeatureOfInterest").get("name").asString())
                .isEqualTo("Marktplatz");
    }

    @Test
    void expandAndSelectReachTheNewRelationsAndProperties() {
        JsonNode thing = client().get("Things(" + station.thing + ")?$select=name&$expand=MultiDatastreams("
                + "$select=name,unitOfMeasurements;$expand=ObservedProperties($select=name),Observations($top=1;"
                + "$orderby=phenomenonTime desc;$select=result))");
        JsonNode multi = thing.get("MultiDatastreams").get(0);
        assertThat(fieldNames(multi)).containsExactly("name", "unitOfMeasurements", "ObservedProperties", "Observations",
                "Observations@iot.nextLink");
        assertThat(names(wrap(multi.get("ObservedProperties")))).containsExactly("Lufttemperatur", "Luftfeuchte", "Sicht");
        assertThat(multi.get("Observations").get(0).get("result").toString()).isEqualTo("[19,80,\"fog\"]");
        JsonNode observation = client().get("Observations(" + station.observations.getFirst()
                + ")?$expand=MultiDatastream($select=name),Datastream");
        assertThat(observation.get("MultiDatastream").get("name").asString()).isEqualTo(MULTI);
        assertThat(observation.get("Datastream").isNull()).isTrue();
    }

    @Test
    void filtersAndOrderingReachThroughMultiDatastreams() {
        assertThat(ids(client().get("Observations?$filter=MultiDatastream/Thing/name eq '" + STATION + "'")))
                .containsExactlyInAnyOrderElementsOf(station.observations);
        assertThat(ids(client().get("Observations?$filter=MultiDatastream/id eq " + station.multiDatastream
                + "&$orderby=phenomenonTime desc"))).containsExactlyElementsOf(station.observations.reversed());
        assertThat(ids(client().get("Observations?$filter=Datastream/id eq " + station.datastream)))
                .containsExactly(station.rainObservation);
        assertThat(ids(client().get("MultiDatastreams?$filter=ObservedProperties/name eq 'Sicht'")))
                .containsExactly(station.multiDatastream);
        assertThat(ids(client().get("MultiDatastreams?$filter=properties/betreiber eq 'Stadtwerke'")))
                .containsExactly(station.multiDatastream);
        assertThat(ids(client().get("Things?$filter=MultiDatastreams/Sensor/name eq 'WS-300'"))).containsExactly(station.thing);
        assertThat(ids(client().get("MultiDatastreams?$filter=st_intersects(observedArea, geography'POINT(7.62 51.96)')")))
                .containsExactly(station.multiDatastream);
        assertThat(ids(client().get("MultiDatastreams?$filter=st_intersects(observedArea, geography'POINT(8 52)')"))).isEmpty();
        assertThat(ids(client().get("Observations?$filter=st_within(MultiDatastream/Thing/Locations/location,"
                + " geography'POLYGON((7.6 51.9, 7.7 51.9, 7.7 52, 7.6 52, 7.6 51.9))')&$orderby=phenomenonTime")))
                .containsExactlyElementsOf(station.observations);
        assertThat(ids(client().get("ObservedProperties?$filter=MultiDatastreams/name eq '" + MULTI + "'&$orderby=name")))
                .containsExactly(station.observedProperties.get(1), station.observedProperties.get(0),
                        station.observedProperties.get(2));
        assertThat(ids(client().get("MultiDatastreams?$filter=Observations/resultTime gt 2015-01-01T00:00:00Z"
                + " and Sensor/name eq 'WS-300'"))).containsExactly(station.multiDatastream);
    }

    @Test
    void countsAreExact() {
        assertThat(client().get("Observations?$count=true&$top=1").get("@iot.count").asLong()).isEqualTo(4);
        assertThat(client().get("MultiDatastreams?$count=true").get("@iot.count").asLong()).isEqualTo(1);
        assertThat(client().get(multi() + "/Observations?$count=true&$filter=phenomenonTime ge 2015-01-01T00:00:00Z")
                .get("@iot.count").asLong()).isEqualTo(2);
        assertThat(client().get("Things(" + station.thing + ")?$expand=MultiDatastreams($count=true)")
                .get("MultiDatastreams@iot.count").asLong()).isEqualTo(1);
    }

    /** An expanded array as a collection response, for the collection helpers. */
    private static JsonNode wrap(JsonNode array) {
        return StaClient.json("{\"value\": " + array + "}");
    }
}
