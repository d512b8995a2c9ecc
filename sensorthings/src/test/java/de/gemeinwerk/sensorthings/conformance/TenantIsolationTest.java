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
 * Tenants never see each other's data. Tenant A ("Musterstadt") and tenant B ("Nachbarort") hold the same
 * municipal data set — same names, other ids — so a leak shows as a foreign id. Nothing of A is visible
 * through B's service root by any path or query option, nothing of A can be linked, changed or deleted
 * through B, and B's key cannot write to A.
 */
@SensorThingsTest
class TenantIsolationTest extends ConformanceTestBase {

    private static final String[] SETS = {"Things", "Locations", "HistoricalLocations", "Datastreams", "Sensors",
            "ObservedProperties", "Observations", "FeaturesOfInterest"};

    private MunicipalData a() {
        return data();
    }

    private MunicipalData b() {
        return MunicipalData.shared("nachbarort", () -> newTenant("nachbarort"));
    }

    private StaClient viaB() {
        return b().client;
    }

    /** Every id of an entity set in A. */
    private List<Long> allOfA(String set) {
        return idsOnPage(a().client.get(set + "?$select=id&$top=50"));
    }

    // ---- reading ---------------------------------------------------------------------------------

    @Test
    void entitySetsOfBContainOnlyBsEntities() {
        for (String set : SETS) {
            List<Long> ofB = idsOnPage(viaB().get(set + "?$select=id&$top=50"));
            assertThat(ofB).as(set).isNotEmpty().doesNotContainAnyElementsOf(allOfA(set));
        }
        assertThat(ids(viaB().get("Things"))).containsExactlyInAnyOrderElementsOf(b().allThings());
        assertThat(viaB().get("Observations?$count=true&$top=1").get("@iot.count").asLong())
                .isEqualTo(b().allObservations().size());
    }

    @Test
    void everyEntityOfAIsNotFoundThroughB() {
        for (String set : SETS) {
            for (long id : allOfA(set)) {
                assertProblem(viaB().getRaw(set + "(" + id + ")"), 404);
            }
        }
    }

    @Test
    void pathsThroughEntitiesOfAAreNotFoundThroughB() {
        long thing = a().thing(GAUGE);
        long datastream = a().datastream(WATER_LEVEL);
        long observation = a().observation(WATER_LEVEL, 0);
        for (String path : List.of(
                "Things(" + thing + ")/Datastreams",
                "Things(" + thing + ")/Locations",
                "Things(" + thing + ")/name",
                "Things(" + thing + ")/name/$value",
                "Things(" + thing + ")/$ref",
                "Things(" + thing + ")/Datastreams/$ref",
                "Datastreams(" + datastream + ")/Observations",
                "Datastreams(" + datastream + ")/Observations?$count=true",
                "Datastreams(" + datastream + ")/Thing",
                "Observations(" + observation + ")/FeatureOfInterest",
                "FeaturesOfInterest(" + a().feature(GAUGE_SITE) + ")/Observations",
                "Locations(" + a().location(GAUGE_POINT) + ")/Things",
                "Things(" + b().thing(GAUGE) + ")/Locations(" + a().location(GAUGE_POINT) + ")",
                "Datastreams(" + b().datastream(WATER_LEVEL) + ")/Observations(" + observation + ")")) {
            assertProblem(viaB().getRaw(path), 404);
        }
    }

    @Test
    void filtersOnIdsOfAMatchNothingInB() {
        assertThat(ids(viaB().get("Things?$filter=id eq " + a().thing(GAUGE)))).isEmpty();
        assertThat(ids(viaB().get("Observations?$filter=id eq " + a().observation(NO2, 0)))).isEmpty();
        assertThat(ids(viaB().get("Observations?$filter=Datastream/id eq " + a().datastream(NO2)))).isEmpty();
        assertThat(ids(viaB().get("Observations?$filter=FeatureOfInterest/id eq " + a().feature(SCHOOL_STREET)))).isEmpty();
        assertThat(ids(viaB().get("Things?$filter=Datastreams/any(d: d/id eq " + a().datastream(NO2) + ")"))).isEmpty();
        assertThat(ids(viaB().get("Datastreams?$filter=Thing/id in (" + a().thing(GAUGE) + ", " + a().thing(CAR_PARK) + ")")))
                .isEmpty();
    }

    @Test
    void filtersByNameFindOnlyBsEntitiesOfTheSameName() {
        assertThat(ids(viaB().get("Things?$filter=name eq '" + GAUGE + "'"))).containsExactly(b().thing(GAUGE));
        assertThat(ids(viaB().get("Observations?$filter=Datastream/Thing/name eq '" + AIR_STATION + "'")))
                .containsExactlyInAnyOrderElementsOf(b().observations(NO2));
        assertThat(ids(viaB().get("Locations?$filter=st_within(location, geography'POLYGON((7 51, 8 51, 8 52.5, 7 52.5, 7 51))')")))
                .containsExactlyInAnyOrderElementsOf(b().allLocations());
        assertThat(ids(viaB().get("Observations?$filter=geo.intersects(FeatureOfInterest/feature, "
                + "geography'POLYGON((7 51, 8 51, 8 52.5, 7 52.5, 7 51))')"))).containsExactlyInAnyOrderElementsOf(b().allObservations());
    }

    @Test
    void expandInBShowsOnlyBsEntities() {
        JsonNode things = viaB().get("Things?$expand=Locations,HistoricalLocations,"
                + "Datastreams($expand=Sensor,ObservedProperty,Observations($expand=FeatureOfInterest))");
        List<String> selfLinks = new ArrayList<>();
        collectSelfLinks(things, selfLinks);
        assertThat(selfLinks).isNotEmpty().allSatisfy(link -> assertThat(link).contains(viaB().root() + "/"));
        List<Long> observations = new ArrayList<>();
        for (JsonNode thing : things.get("value")) {
            for (JsonNode datastream : thing.get("Datastreams")) {
                datastream.get("Observations").forEach(o -> observations.add(o.get("@iot.id").asLong()));
            }
        }
        assertThat(observations).containsExactlyInAnyOrderElementsOf(b().allObservations());
    }

    private static void collectSelfLinks(JsonNode node, List<String> into) {
        if (node.isObject()) {
            if (node.has("@iot.selfLink")) {
                into.add(node.get("@iot.selfLink").asString());
            }
            node.forEach(child -> collectSelfLinks(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectSelfLinks(child, into));
        }
    }

    // ---- writing through B -----------------------------------------------------------------------

    @Test
    void entitiesOfACannotBeChangedOrDeletedThroughB() {
        long thing = a().thing(GAUGE);
        assertProblem(viaB().send("PATCH", "Things(" + thing + ")", "{\"name\": \"Übernommen\"}"), 404);
        assertProblem(viaB().send("PUT", "Things(" + thing + ")", "{\"name\": \"Übernommen\", \"description\": \"x\"}"), 404);
        assertProblem(viaB().send("DELETE", "Things(" + thing + ")", null), 404);
        assertProblem(viaB().send("DELETE", "Observations(" + a().observation(WATER_LEVEL, 0) + ")", null), 404);
        assertProblem(viaB().send("PATCH", "Observations(" + a().observation(WATER_LEVEL, 0) + ")", "{\"result\": 0}"), 404);
        assertProblem(viaB().send("DELETE", "Locations(" + a().location(GAUGE_POINT) + ")", null), 404);

        assertAUnchanged();
    }

    @Test
    void entitiesOfACannotBeLinkedFromB() {
        long thingOfA = a().thing(GAUGE);
        long datastreamOfA = a().datastream(WATER_LEVEL);
        long thingOfB = b().thing(WASTE_BIN);
        long datastreamOfB = b().datastream(WATER_LEVEL);

        // an Observation for A's Datastream, posted to B
        assertLinkRefused(viaB().send("POST", "Observations",
                "{\"result\": 1, \"phenomenonTime\": \"2024-05-02T00:00:00Z\", \"Datastream\": {\"@iot.id\": " + datastreamOfA + "}}"));
        assertLinkRefused(viaB().send("POST", "Observations", "{\"result\": 1, \"Datastream\": {\"@iot.id\": " + datastreamOfB
                + "}, \"FeatureOfInterest\": {\"@iot.id\": " + a().feature(GAUGE_SITE) + "}}"));
        assertProblem(viaB().send("POST", "Datastreams(" + datastreamOfA + ")/Observations", "{\"result\": 1}"), 404);
        // a Datastream of B's on A's Thing, Sensor and ObservedProperty
        long sensorOfA = a().client.get("Datastreams(" + datastreamOfA + ")/Sensor").get("@iot.id").asLong();
        assertLinkRefused(viaB().send("POST", "Datastreams", """
                {"name": "Fremd", "description": "x", "observationType": "%sOM_Measurement",
                 "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d},
                 "ObservedProperty": {"name": "x", "definition": "x", "description": "x"}}"""
                .formatted(OM, thingOfA, sensorOfA)));
        // A's Location for B's Thing: in the body, by $ref (id and selfLink), and the other way round
        assertLinkRefused(viaB().send("PATCH", "Things(" + thingOfB + ")",
                "{\"Locations\": [{\"@iot.id\": " + a().location(GAUGE_POINT) + "}]}"));
        assertLinkRefused(viaB().send("POST", "Things(" + thingOfB + ")/Locations/$ref",
                "{\"@iot.id\": " + a().location(GAUGE_POINT) + "}"));
        assertLinkRefused(viaB().send("POST", "Things(" + thingOfB + ")/Locations/$ref",
                "{\"@iot.selfLink\": \"http://localhost:" + port + viaB().root() + "/Locations(" + a().location(GAUGE_POINT) + ")\"}"));
        assertProblem(viaB().send("POST", "Things(" + thingOfA + ")/Locations/$ref",
                "{\"@iot.id\": " + b().location(GAUGE_POINT) + "}"), 404);
        // re-pointing B's Datastream at A's Thing
        assertLinkRefused(viaB().send("PUT", "Datastreams(" + datastreamOfB + ")/Thing/$ref", "{\"@iot.id\": " + thingOfA + "}"));
        assertLinkRefused(viaB().send("PATCH", "Datastreams(" + datastreamOfB + ")", "{\"Thing\": {\"@iot.id\": " + thingOfA + "}}"));
        // unlinking A's Location from A's Thing
        assertProblem(viaB().send("DELETE", "Things(" + thingOfA + ")/Locations(" + a().location(GAUGE_POINT) + ")/$ref", null), 404);

        assertAUnchanged();
        assertThat(ids(viaB().get("Things(" + thingOfB + ")/Locations"))).isEmpty();
        assertThat(viaB().get("Datastreams(" + datastreamOfB + ")/Thing").get("@iot.id").asLong()).isEqualTo(b().thing(GAUGE));
    }

    private static void assertLinkRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s", response.body()).isIn(400, 404);
        assertProblem(response, response.statusCode());
    }

    private void assertAUnchanged() {
        StaClient a = a().client;
        assertThat(a.get("Things(" + a().thing(GAUGE) + ")").get("name").asString()).isEqualTo(GAUGE);
        assertThat(ids(a.get("Datastreams(" + a().datastream(WATER_LEVEL) + ")/Observations")))
                .containsExactlyElementsOf(a().observations(WATER_LEVEL));
        assertThat(ids(a.get("Things(" + a().thing(GAUGE) + ")/Locations")))
                .containsExactlyInAnyOrder(a().location(GAUGE_POINT), a().location(STREAM_LINE));
        assertThat(ids(a.get("Things"))).containsExactlyInAnyOrderElementsOf(a().allThings());
        assertThat(ids(a.get("Datastreams"))).containsExactlyInAnyOrderElementsOf(a().allDatastreams());
        assertThat(ids(a.get("Locations(" + a().location(GAUGE_POINT) + ")/Things"))).containsExactly(a().thing(GAUGE));
    }

    // ---- keys ------------------------------------------------------------------------------------

    @Test
    void keyOfBCannotWriteToA() {
        StaClient aWithKeyOfB = a().client.withKey(b().client.key());
        long thing = a().thing(GAUGE);
        assertProblem(aWithKeyOfB.send("POST", "Things", "{\"name\": \"Fremd\", \"description\": \"x\"}"), 403);
        assertProblem(aWithKeyOfB.send("PATCH", "Things(" + thing + ")", "{\"name\": \"Fremd\"}"), 403);
        assertProblem(aWithKeyOfB.send("DELETE", "Things(" + thing + ")", null), 403);
        assertProblem(aWithKeyOfB.send("POST", "Datastreams(" + a().datastream(WATER_LEVEL) + ")/Observations",
                "{\"result\": 1}"), 403);
        assertAUnchanged();
    }

    @Test
    void writingNeedsAKey() {
        StaClient anonymous = a().client.withKey(null);
        assertProblem(anonymous.send("POST", "Things", "{\"name\": \"Anonym\", \"description\": \"x\"}"), 401);
        assertProblem(anonymous.send("DELETE", "Things(" + a().thing(GAUGE) + ")", null), 401);
    }

    @Test
    void privateTenantNeedsItsOwnKeyToRead() {
        StaClient closed = newTenant("verwaltung");
        long thing = closed.create("Things", "{\"name\": \"Serverraum Rathaus\", \"description\": \"Temperatur\"}");
        tenants.update(closed.tenant().slug(), null, true);

        assertProblem(closed.getRaw(""), 401);
        assertProblem(closed.getRaw("Things"), 401);
        assertProblem(closed.getRaw("Things(" + thing + ")"), 401);
        assertProblem(closed.withKey(b().client.key()).getWithKey("Things"), 403);
        HttpResponse<String> withKey = closed.getWithKey("Things");
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(ids(StaClient.json(withKey.body()))).containsExactly(thing);
    }
}
