package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.visibility.PrivateData.Reader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private Things, Datastreams and MultiDatastreams over HTTP, for each reader: the tenant's key sees everything, no
 * key and another tenant's key see only what is public — in collections, counts, expands, filters, paths, direct ids,
 * the extensions, the result formats and batches. A hidden entity looks exactly like a missing one.
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateEntityReadTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    private PrivateData data;

    @BeforeAll
    void createData() {
        data = new PrivateData(port, tenants, keys);
    }

    /** Entity set → (visible ids, all ids). */
    private Map<String, List<List<Long>>> sets() {
        PrivateData d = data;
        return Map.of(
                "Things", List.of(List.of(d.publicThing), List.of(d.publicThing, d.privateThing)),
                "Datastreams", List.of(List.of(d.publicDatastream),
                        List.of(d.publicDatastream, d.privateDatastream, d.datastreamOfPrivateThing)),
                "MultiDatastreams", List.of(List.of(), List.of(d.privateMulti)),
                "Observations", List.of(d.visibleObservations, d.allObservations()),
                "Locations", List.of(List.of(d.sharedLocation, d.lonelyLocation),
                        List.of(d.sharedLocation, d.lonelyLocation, d.privateLocation)),
                "HistoricalLocations", List.of(List.of(d.publicHistoricalLocation),
                        List.of(d.publicHistoricalLocation, d.privateHistoricalLocation)),
                "Sensors", List.of(List.of(d.sensor), List.of(d.sensor)),
                "ObservedProperties", List.of(List.of(d.property), List.of(d.property)),
                "FeaturesOfInterest", List.of(List.of(d.feature), List.of(d.feature, d.generatedFeature)));
    }

    @Test
    void collectionsAndTheirCountsHoldOnlyWhatTheReaderMaySee() {
        for (Reader reader : data.readers()) {
            sets().forEach((set, ids) -> {
                Set<Long> expected = reader.expected(ids.get(0), ids.get(1));
                assertThat(reader.ids(set)).as("%s: %s", reader.name(), set).isEqualTo(expected);
                assertThat(reader.json(set + "?$count=true&$top=0").get("@iot.count").asLong())
                        .as("%s: %s/$count", reader.name(), set).isEqualTo(expected.size());
                assertThat(reader.json(set + "?$count=true&$filter=id gt 0").get("@iot.count").asLong())
                        .as("%s: filtered count of %s", reader.name(), set).isEqualTo(expected.size());
            });
        }
    }

    @Test
    void aHiddenEntityIsNotFoundExactlyLikeAMissingOne() {
        Map<String, Long> hidden = Map.of("Things", data.privateThing, "Datastreams", data.privateDatastream,
                "MultiDatastreams", data.privateMulti, "Observations", data.hiddenObservations.getFirst(),
                "Locations", data.privateLocation, "HistoricalLocations", data.privateHistoricalLocation,
                "FeaturesOfInterest", data.generatedFeature);
        for (Reader reader : data.readers()) {
            hidden.forEach((set, id) -> {
                HttpResponse<String> response = reader.get(set + "(" + id + ")");
                if (reader.seesPrivate()) {
                    assertThat(response.statusCode()).as("%s: %s(%d)", reader.name(), set, id).isEqualTo(200);
                } else {
                    assertNotFoundLikeMissing(reader, set, id);
                }
            });
            assertThat(reader.get("Datastreams(" + data.datastreamOfPrivateThing + ")").statusCode())
                    .as("%s: a public Datastream of a private Thing", reader.name())
                    .isEqualTo(reader.seesPrivate() ? 200 : 404);
        }
    }

    private static void assertNotFoundLikeMissing(Reader reader, String set, long id) {
        HttpResponse<String> response = reader.get(set + "(" + id + ")");
        HttpResponse<String> missing = reader.get(set + "(" + (id + 1_000_000) + ")");
        assertThat(response.statusCode()).as("%s: %s(%d)", reader.name(), set, id).isEqualTo(404);
        JsonNode problem = StaClient.json(response.body());
        JsonNode missingProblem = StaClient.json(missing.body());
        assertThat(problem.get("detail").asString().replace(String.valueOf(id), "N"))
                .isEqualTo(missingProblem.get("detail").asString().replace(String.valueOf(id + 1_000_000), "N"));
        assertThat(response.headers().firstValue("Content-Type")).isEqualTo(missing.headers().firstValue("Content-Type"));
    }

    @Test
    void pathsThroughHiddenEntitiesAreNotFound() {
        PrivateData d = data;
        List<String> paths = List.of(
                "Things(" + d.privateThing + ")/Datastreams",
                "Things(" + d.privateThing + ")/Locations",
                "Things(" + d.privateThing + ")/name",
                "Things(" + d.privateThing + ")/name/$value",
                "Things(" + d.privateThing + ")/$ref",
                "Things(" + d.publicThing + ")/Datastreams(" + d.privateDatastream + ")",
                "Things(" + d.publicThing + ")/Datastreams(" + d.privateDatastream + ")/Observations",
                "Datastreams(" + d.privateDatastream + ")/Observations",
                "Datastreams(" + d.privateDatastream + ")/Observations?$count=true",
                "Datastreams(" + d.privateDatastream + ")/Sensor",
                "Datastreams(" + d.datastreamOfPrivateThing + ")/Thing",
                "MultiDatastreams(" + d.privateMulti + ")/Observations",
                "MultiDatastreams(" + d.privateMulti + ")/ObservedProperties",
                "Observations(" + d.hiddenObservations.getFirst() + ")/FeatureOfInterest",
                "Observations(" + d.hiddenObservations.getFirst() + ")/Datastream",
                "Locations(" + d.privateLocation + ")/Things",
                "HistoricalLocations(" + d.privateHistoricalLocation + ")/Thing",
                "Locations(" + d.sharedLocation + ")/Things(" + d.privateThing + ")");
        for (Reader reader : data.readers()) {
            for (String path : paths) {
                assertThat(reader.get(path).statusCode()).as("%s: %s", reader.name(), path)
                        .isEqualTo(reader.seesPrivate() ? 200 : 404);
            }
        }
    }

    @Test
    void navigationsFromVisibleEntitiesLeaveHiddenOnesOut() {
        PrivateData d = data;
        for (Reader reader : data.readers()) {
            assertThat(reader.ids("Things(" + d.publicThing + ")/Datastreams")).as(reader.name())
                    .isEqualTo(reader.expected(List.of(d.publicDatastream), List.of(d.publicDatastream, d.privateDatastream)));
            assertThat(reader.ids("Things(" + d.publicThing + ")/MultiDatastreams")).as(reader.name())
                    .isEqualTo(reader.expected(List.of(), List.of(d.privateMulti)));
            assertThat(reader.ids("Sensors(" + d.sensor + ")/Datastreams")).as(reader.name()).isEqualTo(reader.expected(
                    List.of(d.publicDatastream), List.of(d.publicDatastream, d.privateDatastream, d.datastreamOfPrivateThing)));
            assertThat(reader.ids("ObservedProperties(" + d.property + ")/MultiDatastreams")).as(reader.name())
                    .isEqualTo(reader.expected(List.of(), List.of(d.privateMulti)));
            assertThat(reader.ids("FeaturesOfInterest(" + d.feature + ")/Observations")).as(reader.name())
                    .isEqualTo(reader.expected(d.visibleObservations, d.allObservations()));
            assertThat(reader.json("FeaturesOfInterest(" + d.feature + ")/Observations?$count=true&$top=0")
                    .get("@iot.count").asLong()).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? d.allObservations().size() : d.visibleObservations.size());
            assertThat(reader.ids("Locations(" + d.sharedLocation + ")/Things")).as(reader.name())
                    .isEqualTo(reader.expected(List.of(d.publicThing), List.of(d.publicThing, d.privateThing)));
            assertThat(reader.ids("Locations(" + d.sharedLocation + ")/HistoricalLocations")).as(reader.name())
                    .isEqualTo(reader.expected(List.of(d.publicHistoricalLocation),
                            List.of(d.publicHistoricalLocation, d.privateHistoricalLocation)));
        }
    }

    @Test
    void expandsLeaveHiddenEntitiesOut() {
        PrivateData d = data;
        for (Reader reader : data.readers()) {
            JsonNode things = reader.json("Things?$select=id&$expand=Datastreams($select=id;$count=true),"
                    + "MultiDatastreams($select=id),Locations($select=id)");
            Set<Long> datastreams = new TreeSet<>();
            Set<Long> multi = new TreeSet<>();
            things.get("value").forEach(thing -> {
                thing.get("Datastreams").forEach(ds -> datastreams.add(ds.get("@iot.id").asLong()));
                thing.get("MultiDatastreams").forEach(m -> multi.add(m.get("@iot.id").asLong()));
            });
            assertThat(datastreams).as(reader.name()).isEqualTo(reader.expected(List.of(d.publicDatastream),
                    List.of(d.publicDatastream, d.privateDatastream, d.datastreamOfPrivateThing)));
            assertThat(multi).as(reader.name()).isEqualTo(reader.expected(List.of(), List.of(d.privateMulti)));
            JsonNode feature = reader.json("FeaturesOfInterest(" + d.feature + ")?$expand=Observations($count=true;$select=id,result)");
            assertThat(feature.get("Observations@iot.count").asLong()).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? d.allObservations().size() : d.visibleObservations.size());
            JsonNode sensor = reader.json("Sensors(" + d.sensor + ")?$expand=Datastreams($select=id),MultiDatastreams($select=id)");
            assertThat(sensor.get("Datastreams").size() + sensor.get("MultiDatastreams").size()).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? 4 : 1);
            JsonNode location = reader.json("Locations(" + d.sharedLocation + ")?$expand=Things($select=id)");
            assertThat(location.get("Things").size()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 2 : 1);
            JsonNode observations = reader.json("Observations?$expand=Datastream($select=id),MultiDatastream($select=id),"
                    + "FeatureOfInterest($select=id)");
            assertThat(observations.get("value").size()).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? d.allObservations().size() : d.visibleObservations.size());
            // a visible Observation's FeatureOfInterest is visible: expanded without a check
            observations.get("value").forEach(observation -> assertThat(
                    observation.get("FeatureOfInterest").get("@iot.id").asLong()).as(reader.name()).isEqualTo(d.feature));
        }
    }

    @Test
    void filtersThroughHiddenEntitiesNeverMatch() {
        List<String> oracles = List.of(
                "Sensors?$filter=Datastreams/name eq 'Geheimer Strom'",
                "Sensors?$filter=MultiDatastreams/name eq 'Geheimer Mehrfachstrom'",
                "ObservedProperties?$filter=MultiDatastreams/any(m: m/name eq 'Geheimer Mehrfachstrom')",
                "ObservedProperties?$filter=Datastreams/Thing/name eq 'Geheimer Pegel'",
                "FeaturesOfInterest?$filter=Observations/result eq 901",
                "FeaturesOfInterest?$filter=name eq 'Geheimer Keller'",
                "FeaturesOfInterest?$filter=geo.intersects(feature, geography'POINT (9.6 51.3)')",
                "FeaturesOfInterest?$filter=Observations/any(o: o/result ge 900)",
                "FeaturesOfInterest?$filter=not Observations/all(o: o/result lt 900)",
                "Things?$filter=Datastreams/any(d: d/name eq 'Geheimer Strom')",
                "Things?$filter=Datastreams/any(d: d/Observations/any(o: o/result eq 902))",
                "Locations?$filter=Things/name eq 'Geheimer Pegel'",
                "Locations?$filter=HistoricalLocations/Thing/name eq 'Geheimer Pegel'",
                "Datastreams?$filter=Thing/name eq 'Geheimer Pegel'",
                "Observations?$filter=result ge 900",
                "Observations?$filter=Datastream/name eq 'Geheimer Strom'");
        for (Reader reader : data.readers()) {
            for (String oracle : oracles) {
                assertThat(reader.ids(oracle)).as("%s: %s", reader.name(), oracle)
                        .matches(ids -> reader.seesPrivate() != ids.isEmpty(), reader.seesPrivate() ? "found" : "empty");
            }
        }
    }

    @Test
    void theExtensionsAnswerOnlyForVisibleDatastreams() {
        PrivateData d = data;
        String range = "interval=day&from=2026-11-01&to=2026-11-02";
        for (Reader reader : data.readers()) {
            assertThat(datastreamsNamed(reader.json("Datastreams/$latest"))).as(reader.name()).isEqualTo(reader.expected(
                    List.of(d.publicDatastream), List.of(d.publicDatastream, d.privateDatastream, d.datastreamOfPrivateThing)));
            assertThat(datastreamsNamed(reader.json("Datastreams/$aggregate?" + range))).as(reader.name())
                    .isEqualTo(reader.expected(List.of(d.publicDatastream),
                            List.of(d.publicDatastream, d.privateDatastream, d.datastreamOfPrivateThing)));
            for (String path : List.of("Things(" + d.privateThing + ")/Datastreams/$latest",
                    "Datastreams(" + d.privateDatastream + ")/$latest",
                    "Datastreams(" + d.privateDatastream + ")/Observations/$aggregate?" + range,
                    "Things(" + d.privateThing + ")/Datastreams/$aggregate?" + range)) {
                assertThat(reader.get(path).statusCode()).as("%s: %s", reader.name(), path)
                        .isEqualTo(reader.seesPrivate() ? 200 : 404);
            }
        }
    }

    private static Set<Long> datastreamsNamed(JsonNode answer) {
        Set<Long> ids = new TreeSet<>();
        answer.get("value").forEach(value -> ids.add(value.get("Datastream@iot.id").asLong()));
        return ids;
    }

    @Test
    void resultFormatsHoldOnlyVisibleEntities() {
        PrivateData d = data;
        for (Reader reader : data.readers()) {
            HttpResponse<String> csv = reader.get("Observations?$resultFormat=CSV&$select=id,result");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body().split("\r\n")).as(reader.name())
                    .hasSize(1 + (reader.seesPrivate() ? d.allObservations().size() : d.visibleObservations.size()));
            assertThat(csv.body()).as(reader.name()).matches(body -> reader.seesPrivate() == body.contains("901"), "901");
            JsonNode things = reader.json("Things?$resultFormat=GeoJSON");
            assertThat(things.get("features").size()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 2 : 1);
            JsonNode locations = reader.json("Locations?$resultFormat=GeoJSON");
            assertThat(locations.get("features").size()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 3 : 2);
            JsonNode features = reader.json("FeaturesOfInterest?$resultFormat=GeoJSON");
            assertThat(features.get("features").size()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 2 : 1);
            JsonNode dataArray = reader.json("Observations?$resultFormat=dataArray&$select=id,result");
            int rows = 0;
            for (JsonNode group : dataArray.get("value")) {
                rows += group.get("dataArray").size();
            }
            assertThat(rows).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? d.allObservations().size() : d.visibleObservations.size());
            for (String format : List.of("CSV", "GeoJSON", "dataArray")) {
                assertThat(reader.get("Datastreams(" + d.privateDatastream + ")/Observations?$resultFormat=" + format)
                        .statusCode()).as("%s: %s", reader.name(), format).isEqualTo(reader.seesPrivate() ? 200 : 404);
            }
        }
    }

    @Test
    void batchRequestsReadAsTheirCaller() {
        PrivateData d = data;
        String batch = """
                {"requests": [{"id": "1", "method": "get", "url": "Things"},
                              {"id": "2", "method": "get", "url": "Things(%d)"},
                              {"id": "3", "method": "get", "url": "Datastreams(%d)/Observations?$resultFormat=CSV"}]}"""
                .formatted(d.privateThing, d.privateDatastream);
        for (Reader reader : data.readers()) {
            HttpResponse<String> response = reader.client().http().send("POST", reader.client().root() + "/$batch",
                    batch, "application/json", reader.client().key());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode responses = StaClient.json(response.body()).get("responses");
            assertThat(responses.get(0).get("body").get("value").size()).as(reader.name())
                    .isEqualTo(reader.seesPrivate() ? 2 : 1);
            assertThat(responses.get(1).get("status").asInt()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 200 : 404);
            assertThat(responses.get(2).get("status").asInt()).as(reader.name()).isEqualTo(reader.seesPrivate() ? 200 : 404);
        }
    }

    @Test
    void writesAreUnaffected() {
        PrivateData d = data;
        HttpResponse<String> patch = d.own.send("PATCH", "Things(" + d.privateThing + ")", "{\"description\": \"still mine\"}");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        long created = d.own.create("Datastreams(" + d.privateDatastream + ")/Observations",
                "{\"result\": 905, \"phenomenonTime\": \"" + PrivateData.TIME + "\", \"FeatureOfInterest\": {\"@iot.id\": "
                        + d.feature + "}}");
        d.hiddenObservations.add(created);
        assertThat(d.anonymous.getWithKey("Observations(" + created + ")").statusCode()).isEqualTo(404);
        assertThat(d.own.getWithKey("Observations(" + created + ")").statusCode()).isEqualTo(200);
    }
}
