package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.MunicipalData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance classes "datamodel" and "resource-path-to-entities" (OGC 18-088, clauses 8 and 9.2): the
 * service root, the representation of each entity type, and addressing entities, related entities,
 * properties, {@code $value} and {@code $ref}.
 */
@SensorThingsTest
class ResourcePathTest extends ConformanceTestBase {

    private static final String SPEC = "http://www.opengis.net/spec/iot_sensing/1.1/req/";

    private String serviceRoot() {
        return "http://localhost:" + port + sta().root();
    }

    // ---- service root ---------------------------------------------------------------------------

    @Test
    void serviceRootListsTheEntitySetsWithTheirUrls_reqResourcePathServiceRoot() {
        JsonNode root = sta().get("");

        List<String> names = new ArrayList<>();
        for (JsonNode set : root.get("value")) {
            names.add(set.get("name").asString());
            assertThat(set.get("url").asString()).isEqualTo(serviceRoot() + "/" + set.get("name").asString());
        }
        assertThat(names).containsExactlyInAnyOrder("Things", "Locations", "HistoricalLocations", "Datastreams",
                "Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest", "MultiDatastreams");
    }

    @Test
    void serviceRootDeclaresTheImplementedConformanceClasses_reqServerSettings() {
        JsonNode conformance = sta().get("").at("/serverSettings/conformance");

        List<String> classes = new ArrayList<>();
        conformance.forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains(SPEC + "datamodel", SPEC + "resource-path/resource-path-to-entities",
                SPEC + "request-data", SPEC + "create-update-delete", SPEC + "data-array/data-array");
    }

    @Test
    void serviceRootIsServedWithAndWithoutTrailingSlash() {
        HttpResponse<String> withoutSlash = sta().http().get(sta().root(), null);
        assertThat(withoutSlash.statusCode()).isEqualTo(200);
        assertThat(StaClient.json(withoutSlash.body()).get("value")).hasSize(9);
        assertThat(sta().get("").get("value")).hasSize(9);
    }

    // ---- entity representation (req/datamodel/*) ------------------------------------------------

    @Test
    void thingHasAllPropertiesAndNavigationLinks_reqDatamodelThing() {
        long id = data().thing(GAUGE);
        JsonNode thing = sta().get("Things(" + id + ")");

        assertEntity(thing, "Things", id, List.of("name", "description", "properties"),
                List.of("Locations", "HistoricalLocations", "Datastreams", "MultiDatastreams"));
        assertThat(thing.get("name").asString()).isEqualTo(GAUGE);
        assertThat(thing.at("/properties/contact/department").asString()).isEqualTo("Gewässer");
        assertThat(thing.at("/properties/installed").asInt()).isEqualTo(2019);
    }

    @Test
    void locationHasAllPropertiesAndNavigationLinks_reqDatamodelLocation() {
        long id = data().location(STREAM_LINE);
        JsonNode location = sta().get("Locations(" + id + ")");

        assertEntity(location, "Locations", id, List.of("name", "description", "encodingType", "location", "properties"),
                List.of("Things", "HistoricalLocations"));
        assertThat(location.get("encodingType").asString()).isEqualTo("application/geo+json");
        assertThat(location.at("/location/type").asString()).isEqualTo("LineString");
        assertThat(location.at("/location/coordinates/1/0").asDouble()).isEqualTo(7.61);
    }

    @Test
    void historicalLocationHasAllPropertiesAndNavigationLinks_reqDatamodelHistoricalLocation() {
        JsonNode history = sta().get("Things(" + data().thing(GAUGE) + ")/HistoricalLocations");
        assertThat(history.get("value")).as("creating a Thing with Locations records a HistoricalLocation").hasSize(1);
        long id = history.at("/value/0/@iot.id").asLong();

        JsonNode historicalLocation = sta().get("HistoricalLocations(" + id + ")");

        assertEntity(historicalLocation, "HistoricalLocations", id, List.of("time"), List.of("Thing", "Locations"));
        assertThat(historicalLocation.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void datastreamHasAllPropertiesAndNavigationLinks_reqDatamodelDatastream() {
        long id = data().datastream(WATER_LEVEL);
        JsonNode datastream = sta().get("Datastreams(" + id + ")");

        assertEntity(datastream, "Datastreams", id, List.of("name", "description", "unitOfMeasurement", "observationType",
                "observedArea", "phenomenonTime", "resultTime", "properties"),
                List.of("Thing", "Sensor", "ObservedProperty", "Observations"));
        assertThat(datastream.at("/unitOfMeasurement/symbol").asString()).isEqualTo("cm");
        assertThat(datastream.get("observationType").asString()).isEqualTo(OM + "OM_Measurement");
        // phenomenonTime: the interval spanned by the phenomenonTimes of its Observations
        assertThat(datastream.get("phenomenonTime").asString())
                .isEqualTo("2023-12-31T23:59:59Z/2024-05-01T13:30:15.250Z");
        assertThat(datastream.get("resultTime").asString()).isEqualTo("2024-05-01T10:00:05Z/2024-05-01T10:00:05Z");
    }

    @Test
    void sensorHasAllPropertiesAndNavigationLinks_reqDatamodelSensor() {
        long id = sta().get("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Sensor").get("@iot.id").asLong();
        JsonNode sensor = sta().get("Sensors(" + id + ")");

        assertEntity(sensor, "Sensors", id, List.of("name", "description", "encodingType", "metadata", "properties"),
                List.of("Datastreams", "MultiDatastreams"));
        assertThat(sensor.get("name").asString()).isEqualTo("Drucksonde PS-100");
        assertThat(sensor.get("metadata").asString()).isEqualTo("https://example.org/datenblatt/drucksonde-ps-100.pdf");
    }

    @Test
    void observedPropertyHasAllPropertiesAndNavigationLinks_reqDatamodelObservedProperty() {
        long id = sta().get("Datastreams(" + data().datastream(NO2) + ")/ObservedProperty").get("@iot.id").asLong();
        JsonNode observedProperty = sta().get("ObservedProperties(" + id + ")");

        assertEntity(observedProperty, "ObservedProperties", id,
                List.of("name", "definition", "description", "properties"), List.of("Datastreams", "MultiDatastreams"));
        assertThat(observedProperty.get("definition").asString()).isEqualTo("https://example.org/def/stickstoffdioxid");
    }

    @Test
    void observationHasAllPropertiesAndNavigationLinks_reqDatamodelObservation() {
        long id = data().observation(NO2, 0);
        JsonNode observation = sta().get("Observations(" + id + ")");

        assertEntity(observation, "Observations", id,
                List.of("phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters"),
                List.of("Datastream", "FeatureOfInterest"));
        // an Observation has a Datastream or a MultiDatastream: only the link to the one it has is shown
        assertThat(observation.has("MultiDatastream@iot.navigationLink")).isFalse();
        assertThat(observation.get("phenomenonTime").asString()).isEqualTo("2024-05-01T10:00:00Z/2024-05-01T11:00:00Z");
        assertThat(observation.get("resultTime").asString()).isEqualTo("2024-05-01T11:00:02Z");
        assertThat(observation.get("validTime").asString()).isEqualTo("2024-05-01T11:00:00Z/2024-05-02T11:00:00Z");
        assertThat(observation.get("result").asDouble()).isEqualTo(21.5);
        assertThat(observation.at("/resultQuality/flag").asString()).isEqualTo("validiert");
        assertThat(observation.at("/parameters/method").asString()).isEqualTo("Stundenmittel");
    }

    @Test
    void observationResultsKeepTheirJsonType_reqDatamodelObservationResult() {
        assertThat(sta().get("Observations(" + data().observation(WATER_LEVEL, 2) + ")").get("result").isIntegralNumber())
                .isTrue();
        assertThat(sta().get("Observations(" + data().observation(WATER_LEVEL, 3) + ")").get("result").asDouble())
                .isEqualTo(131.25);
        assertThat(sta().get("Observations(" + data().observation(PARKING_STATUS, 2) + ")").get("result").asString())
                .isEqualTo("voll");
        assertThat(sta().get("Observations(" + data().observation(OPEN, 0) + ")").get("result").isBoolean()).isTrue();
    }

    @Test
    void featureOfInterestHasAllPropertiesAndNavigationLinks_reqDatamodelFeatureOfInterest() {
        long id = data().feature(CAR_PARK_ENTRANCE);
        JsonNode feature = sta().get("FeaturesOfInterest(" + id + ")");

        assertEntity(feature, "FeaturesOfInterest", id, List.of("name", "description", "encodingType", "feature", "properties"),
                List.of("Observations"));
        assertThat(feature.at("/feature/type").asString()).isEqualTo("Polygon");
    }

    @Test
    void everyEntityInACollectionCarriesIdSelfLinkAndNavigationLinks_reqDatamodelControlInformation() {
        for (String set : List.of("Things", "Locations", "HistoricalLocations", "Datastreams", "Sensors",
                "ObservedProperties", "Observations", "FeaturesOfInterest")) {
            JsonNode collection = sta().get(set);
            assertThat(collection.get("value")).as(set).isNotEmpty();
            for (JsonNode entity : collection.get("value")) {
                long id = entity.get("@iot.id").asLong();
                assertThat(entity.get("@iot.selfLink").asString()).isEqualTo(serviceRoot() + "/" + set + "(" + id + ")");
                entity.propertyNames().forEach(name -> {
                    if (name.endsWith("@iot.navigationLink")) {
                        assertThat(entity.get(name).asString()).isEqualTo(serviceRoot() + "/" + set + "(" + id + ")/"
                                + name.substring(0, name.indexOf('@')));
                    }
                });
            }
        }
    }

    @Test
    void everyNavigationLinkCanBeFollowed_reqResourcePathNavigation() {
        JsonNode observation = sta().get("Observations(" + data().observation(WATER_LEVEL, 1) + ")");

        JsonNode datastream = sta().follow(observation.get("Datastream@iot.navigationLink").asString());
        JsonNode feature = sta().follow(observation.get("FeatureOfInterest@iot.navigationLink").asString());
        JsonNode observations = sta().follow(datastream.get("Observations@iot.navigationLink").asString());

        assertThat(datastream.get("@iot.id").asLong()).isEqualTo(data().datastream(WATER_LEVEL));
        assertThat(feature.get("@iot.id").asLong()).isEqualTo(data().feature(GAUGE_SITE));
        assertThat(ids(observations)).containsExactlyElementsOf(data().observations(WATER_LEVEL));
    }

    private void assertEntity(JsonNode entity, String set, long id, List<String> properties, List<String> navigations) {
        List<String> expected = new ArrayList<>(List.of("@iot.id", "@iot.selfLink"));
        expected.addAll(properties);
        navigations.forEach(n -> expected.add(n + "@iot.navigationLink"));
        assertThat(fieldNames(entity)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(entity.get("@iot.id").asLong()).isEqualTo(id);
        String self = serviceRoot() + "/" + set + "(" + id + ")";
        assertThat(entity.get("@iot.selfLink").asString()).isEqualTo(self);
        for (String navigation : navigations) {
            assertThat(entity.get(navigation + "@iot.navigationLink").asString()).isEqualTo(self + "/" + navigation);
        }
    }

    // ---- resource paths (req/resource-path/resource-path-to-entities) ---------------------------

    @Test
    void collectionOfRelatedEntities_ThingsIdDatastreams() {
        assertThat(ids("Things(" + data().thing(CAR_PARK) + ")/Datastreams")).containsExactlyInAnyOrder(
                data().datastream(PARKING_STATUS), data().datastream(FREE_SPACES), data().datastream(OPEN));
        assertThat(ids("Things(" + data().thing(WASTE_BIN) + ")/Datastreams")).isEmpty();
    }

    @Test
    void singleRelatedEntity_DatastreamsIdThing() {
        JsonNode thing = sta().get("Datastreams(" + data().datastream(NO2) + ")/Thing");
        assertThat(thing.get("@iot.id").asLong()).isEqualTo(data().thing(AIR_STATION));
        assertThat(thing.get("@iot.selfLink").asString()).isEqualTo(serviceRoot() + "/Things(" + data().thing(AIR_STATION) + ")");
    }

    @Test
    void observationsOfADatastreamInTimeOrder_DatastreamsIdObservations() {
        assertThat(ids("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations"))
                .containsExactlyElementsOf(data().observations(WATER_LEVEL));
    }

    @Test
    void featureOfInterestOfAnObservation_ObservationsIdFeatureOfInterest() {
        JsonNode feature = sta().get("Observations(" + data().observation(NO2, 1) + ")/FeatureOfInterest");
        assertThat(feature.get("@iot.id").asLong()).isEqualTo(data().feature(SCHOOL_STREET));
        assertThat(feature.get("name").asString()).isEqualTo(SCHOOL_STREET);
    }

    @Test
    void observationsOfAFeatureOfInterest_FeaturesOfInterestIdObservations() {
        List<Long> expected = new ArrayList<>(data().observations(PARKING_STATUS));
        expected.addAll(data().observations(FREE_SPACES));
        expected.addAll(data().observations(OPEN));
        assertThat(ids("FeaturesOfInterest(" + data().feature(CAR_PARK_ENTRANCE) + ")/Observations"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void entityOfACollectionOfRelatedEntities_ThingsIdLocationsId() {
        long gauge = data().thing(GAUGE);
        JsonNode location = sta().get("Things(" + gauge + ")/Locations(" + data().location(STREAM_LINE) + ")");
        assertThat(location.get("name").asString()).isEqualTo(STREAM_LINE);
    }

    @Test
    void locationsAndHistoricalLocationsAreLinkedBothWays() {
        long gauge = data().thing(GAUGE);
        assertThat(ids("Locations(" + data().location(GAUGE_POINT) + ")/Things")).containsExactly(gauge);
        long history = ids("Things(" + gauge + ")/HistoricalLocations").getFirst();
        assertThat(sta().get("HistoricalLocations(" + history + ")/Thing").get("@iot.id").asLong()).isEqualTo(gauge);
        assertThat(ids("HistoricalLocations(" + history + ")/Locations"))
                .containsExactlyInAnyOrder(data().location(GAUGE_POINT), data().location(STREAM_LINE));
        assertThat(ids("Locations(" + data().location(STREAM_LINE) + ")/HistoricalLocations")).containsExactly(history);
    }

    @Test
    void sensorsAndObservedPropertiesLeadToTheirDatastreams() {
        long datastream = data().datastream(FREE_SPACES);
        long sensor = sta().get("Datastreams(" + datastream + ")/Sensor").get("@iot.id").asLong();
        long observedProperty = sta().get("Datastreams(" + datastream + ")/ObservedProperty").get("@iot.id").asLong();

        assertThat(ids("Sensors(" + sensor + ")/Datastreams")).containsExactly(datastream);
        assertThat(ids("ObservedProperties(" + observedProperty + ")/Datastreams")).containsExactly(datastream);
    }

    @Test
    void pathsNavigateThroughSeveralEntities() {
        assertThat(ids("Observations(" + data().observation(WATER_LEVEL, 0) + ")/Datastream/Thing/Locations"))
                .containsExactlyInAnyOrder(data().location(GAUGE_POINT), data().location(STREAM_LINE));
    }

    @Test
    void propertyOfAnEntity_ThingsIdName() {
        JsonNode name = sta().get("Things(" + data().thing(GAUGE) + ")/name");
        assertThat(fieldNames(name)).containsExactly("name");
        assertThat(name.get("name").asString()).isEqualTo(GAUGE);

        JsonNode properties = sta().get("Things(" + data().thing(CAR_PARK) + ")/properties");
        assertThat(properties.at("/properties/capacity").asInt()).isEqualTo(420);

        JsonNode unit = sta().get("Datastreams(" + data().datastream(WATER_LEVEL) + ")/unitOfMeasurement");
        assertThat(unit.at("/unitOfMeasurement/name").asString()).isEqualTo("Zentimeter");
    }

    @Test
    void rawValueOfAProperty_$value() {
        HttpResponse<String> name = sta().getRaw("Things(" + data().thing(GAUGE) + ")/name/$value");
        assertThat(name.statusCode()).isEqualTo(200);
        assertThat(name.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(name.body()).isEqualTo(GAUGE);

        assertThat(sta().getRaw("Observations(" + data().observation(WATER_LEVEL, 3) + ")/result/$value").body())
                .isEqualTo("131.25");
        assertThat(sta().getRaw("Observations(" + data().observation(OPEN, 1) + ")/result/$value").body())
                .isEqualTo("false");
        assertThat(sta().getRaw("Observations(" + data().observation(WATER_LEVEL, 4) + ")/phenomenonTime/$value").body())
                .isEqualTo("2024-05-01T13:30:15.250Z");
    }

    @Test
    void referencesOfACollection_$ref() {
        JsonNode refs = sta().get("Things(" + data().thing(GAUGE) + ")/Locations/$ref");

        List<String> links = new ArrayList<>();
        for (JsonNode ref : refs.get("value")) {
            assertThat(fieldNames(ref)).containsExactly("@iot.selfLink");
            links.add(ref.get("@iot.selfLink").asString());
        }
        assertThat(links).containsExactlyInAnyOrder(serviceRoot() + "/Locations(" + data().location(GAUGE_POINT) + ")",
                serviceRoot() + "/Locations(" + data().location(STREAM_LINE) + ")");
    }

    @Test
    void referencesOfAnEntitySet_$ref() {
        JsonNode refs = sta().get("Things/$ref");
        List<String> links = new ArrayList<>();
        refs.get("value").forEach(ref -> links.add(ref.get("@iot.selfLink").asString()));
        assertThat(links).containsExactlyInAnyOrderElementsOf(
                data().allThings().stream().map(id -> serviceRoot() + "/Things(" + id + ")").toList());
    }

    @Test
    void referenceOfASingleEntity_$ref() {
        JsonNode ref = sta().get("Datastreams(" + data().datastream(NO2) + ")/Thing/$ref");
        assertThat(fieldNames(ref)).containsExactly("@iot.selfLink");
        assertThat(ref.get("@iot.selfLink").asString()).isEqualTo(serviceRoot() + "/Things(" + data().thing(AIR_STATION) + ")");

        JsonNode self = sta().get("Things(" + data().thing(AIR_STATION) + ")/$ref");
        assertThat(self.get("@iot.selfLink").asString()).isEqualTo(serviceRoot() + "/Things(" + data().thing(AIR_STATION) + ")");
    }

    // ---- addressing what is not there ------------------------------------------------------------

    @Test
    void missingEntityIs404() {
        assertProblem(sta().getRaw("Things(987654321)"), 404);
        assertProblem(sta().getRaw("Observations(987654321)"), 404);
        assertProblem(sta().getRaw("Datastreams(987654321)/Observations"), 404);
        assertProblem(sta().getRaw("Things(987654321)/name"), 404);
        assertProblem(sta().getRaw("Things(987654321)/$ref"), 404);
    }

    @Test
    void entityThatExistsButNotUnderThatParentIs404() {
        long gauge = data().thing(GAUGE);
        assertProblem(sta().getRaw("Things(" + gauge + ")/Locations(" + data().location(CAR_PARK_AREA) + ")"), 404);
        assertProblem(sta().getRaw("Things(" + gauge + ")/Datastreams(" + data().datastream(NO2) + ")"), 404);
        assertProblem(sta().getRaw("Datastreams(" + data().datastream(NO2) + ")/Observations("
                + data().observation(WATER_LEVEL, 0) + ")"), 404);
        assertProblem(sta().getRaw("Things(" + gauge + ")/Datastreams(" + data().datastream(NO2) + ")/Observations"), 404);
    }

    @Test
    void unknownEntitySetIs404() {
        assertProblem(sta().getRaw("Thingz"), 404);
        assertProblem(sta().getRaw("Actuators"), 404);
    }

    @Test
    void unknownPropertyOrNavigationIsAnError() {
        long gauge = data().thing(GAUGE);
        assertProblem(sta().getRaw("Things(" + gauge + ")/colour"), 404);
        assertProblem(sta().getRaw("Things(" + gauge + ")/Sensors"), 404);
        assertProblem(sta().getRaw("Things(" + gauge + ")/name/colour"), 400);
    }

    @Test
    void propertyOrNavigationOfACollectionIsABadRequest() {
        assertProblem(sta().getRaw("Things/name"), 400);
        assertProblem(sta().getRaw("Things/Datastreams"), 400);
        assertProblem(sta().getRaw("Things(" + data().thing(GAUGE) + ")/$value"), 400);
        assertProblem(sta().getRaw("Things(" + data().thing(GAUGE) + ")/name/$ref"), 400);
        assertProblem(sta().getRaw("Datastreams(" + data().datastream(NO2) + ")/Thing(1)"), 400);
    }
}
