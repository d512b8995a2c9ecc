package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static de.gemeinwerk.sensorthings.conformance.MunicipalData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance class "request-data" (OGC 18-088, clause 9.3): $top, $skip, $count, $orderby, $select,
 * $expand with nested options, and server-driven paging with {@code @iot.nextLink}.
 */
@SensorThingsTest
class QueryOptionsTest extends ConformanceTestBase {

    /** max-top in the tests' configuration. */
    private static final int MAX_TOP = 50;
    private static final int BIKE_COUNTS = 60;

    private static StaClient bikeCounter;
    private static long bikeDatastream;

    /** A tenant of its own with one Datastream of 60 hourly bicycle counts, for paging beyond max-top. */
    private synchronized StaClient bikeCounter() {
        if (bikeCounter == null) {
            StaClient client = newTenant("radzaehlung");
            StringJoiner observations = new StringJoiner(",");
            for (int i = 0; i < BIKE_COUNTS; i++) {
                observations.add("{\"phenomenonTime\": \"2024-06-0%dT%02d:00:00Z\", \"result\": %d}"
                        .formatted(1 + i / 24, i % 24, 40 + i));
            }
            long thing = client.create("Things", """
                    {"name": "Radzählstelle Promenade", "description": "Induktionsschleife im Radweg",
                     "Locations": [{"name": "Promenade", "description": "Höhe Kanalstraße",
                                    "encodingType": "application/geo+json",
                                    "location": {"type": "Point", "coordinates": [7.62, 51.97]}}],
                     "Datastreams": [{"name": "Radverkehr Promenade", "description": "Radfahrende pro Stunde",
                       "observationType": "%sOM_CountObservation",
                       "unitOfMeasurement": {"name": "Anzahl", "symbol": "1", "definition": "http://unitsofmeasure.org"},
                       "Sensor": {"name": "Zählschleife", "description": "Induktiv", "encodingType": "text/plain",
                                  "metadata": "Typ 4711"},
                       "ObservedProperty": {"name": "Radverkehr", "description": "Anzahl Fahrräder",
                                            "definition": "https://example.org/def/radverkehr"},
                       "Observations": [%s]}]}""".formatted(OM, observations));
            bikeDatastream = client.get("Things(" + thing + ")/Datastreams").at("/value/0/@iot.id").asLong();
            bikeCounter = client;
        }
        return bikeCounter;
    }

    // ---- $top, $skip (req/request-data/top, req/request-data/skip) --------------------------------

    @Test
    void topLimitsTheNumberOfEntities_reqTop() {
        JsonNode page = sta().get("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations?$top=2");
        assertThat(page.get("value")).hasSize(2);
        assertThat(page.get("value").get(0).get("@iot.id").asLong()).isEqualTo(data().observation(WATER_LEVEL, 0));

        assertThat(sta().get("Things?$top=0").get("value")).isEmpty();
    }

    @Test
    void skipSkipsEntities_reqSkip() {
        List<Long> all = data().observations(WATER_LEVEL);
        assertThat(ids("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations?$skip=3"))
                .containsExactly(all.get(3), all.get(4));
        assertThat(idsOnPage(sta().get("Datastreams(" + data().datastream(WATER_LEVEL)
                + ")/Observations?$skip=1&$top=2&$orderby=result desc"))).containsExactly(all.get(2), all.get(1));
        assertThat(ids("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations?$skip=99")).isEmpty();
    }

    // ---- $count (req/request-data/count) -----------------------------------------------------------

    @Test
    void countGivesTheTotalIndependentOfTopAndSkip_reqCount() {
        JsonNode page = sta().get("Things?$count=true&$top=1&$skip=1");
        assertThat(page.get("@iot.count").asLong()).isEqualTo(4);
        assertThat(page.get("value")).hasSize(1);

        assertThat(sta().get("Things?$count=false").has("@iot.count")).isFalse();
        assertThat(sta().get("Things").has("@iot.count")).isFalse();
    }

    @Test
    void countHonoursTheFilter_reqCount() {
        JsonNode page = sta().get("Things?$count=true&$filter=startswith(name, 'P')");
        assertThat(page.get("@iot.count").asLong()).isEqualTo(2);
        assertThat(sta().get("Observations?$count=true&$top=1&$filter=result gt 100").get("@iot.count").asLong())
                .isEqualTo(4);
    }

    @Test
    void countOfObservations_ofADatastreamAndOfTheTenant_reqCount() {
        assertThat(sta().get("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations?$count=true&$top=1")
                .get("@iot.count").asLong()).isEqualTo(5);
        assertThat(sta().get("Observations?$count=true&$top=1").get("@iot.count").asLong())
                .isEqualTo(data().allObservations().size());
        assertThat(sta().get("Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations?$count=true&$top=1"
                + "&$filter=result gt 100").get("@iot.count").asLong()).isEqualTo(3);
        assertThat(sta().get("FeaturesOfInterest(" + data().feature(CAR_PARK_ENTRANCE) + ")/Observations?$count=true")
                .get("@iot.count").asLong()).isEqualTo(8);
    }

    // ---- $orderby (req/request-data/orderby) -------------------------------------------------------

    @Test
    void orderByOneKeyAscendingAndDescending_reqOrderby() {
        List<Long> o = data().observations(WATER_LEVEL);   // results 88, 102.5, 110, 131.25, 95
        String observations = "Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations";
        assertThat(ids(observations + "?$orderby=result")).containsExactly(o.get(0), o.get(4), o.get(1), o.get(2), o.get(3));
        assertThat(ids(observations + "?$orderby=result asc")).containsExactly(o.get(0), o.get(4), o.get(1), o.get(2), o.get(3));
        assertThat(ids(observations + "?$orderby=result desc")).containsExactly(o.get(3), o.get(2), o.get(1), o.get(4), o.get(0));
        assertThat(ids(observations + "?$orderby=phenomenonTime desc")).containsExactlyElementsOf(o.reversed());
    }

    @Test
    void orderBySeveralKeys_reqOrderby() {
        // observationType asc: Category, Count, Measurement (2), Truth; within Measurement name desc
        assertThat(ids("Datastreams?$orderby=observationType,name desc")).containsExactly(
                data().datastream(PARKING_STATUS), data().datastream(FREE_SPACES), data().datastream(WATER_LEVEL),
                data().datastream(NO2), data().datastream(OPEN));
        // districts Mitte (two Things, name desc), Nord, Süd
        assertThat(ids("Things?$orderby=properties/district asc, name desc")).containsExactly(
                data().thing(CAR_PARK), data().thing(WASTE_BIN), data().thing(GAUGE), data().thing(AIR_STATION));
    }

    @Test
    void orderByTheTimeIntervalOfDatastreams_reqOrderby() {
        // phenomenonTime starts: NO2 10:00, Belegung and freie Stellplätze 08:00, geöffnet 06:00, Wasserstand 2023
        assertThat(ids("Datastreams?$orderby=phenomenonTime desc,name")).containsExactly(data().datastream(NO2),
                data().datastream(PARKING_STATUS), data().datastream(FREE_SPACES), data().datastream(OPEN),
                data().datastream(WATER_LEVEL));
    }

    @Test
    void orderByAPropertyOfARelatedEntity_reqOrderby() {
        assertThat(ids("Datastreams?$orderby=Thing/name desc,name asc")).containsExactly(
                data().datastream(WATER_LEVEL), data().datastream(PARKING_STATUS), data().datastream(FREE_SPACES),
                data().datastream(OPEN), data().datastream(NO2));
    }

    // ---- $select (req/request-data/select) ---------------------------------------------------------

    @Test
    void selectReturnsOnlyTheSelectedProperties_reqSelect() {
        JsonNode things = sta().get("Things?$select=name,description&$orderby=name");
        for (JsonNode thing : things.get("value")) {
            assertThat(fieldNames(thing)).containsExactly("name", "description");
        }
        assertThat(names(things)).containsExactly(WASTE_BIN, AIR_STATION, CAR_PARK, GAUGE);
    }

    @Test
    void selectOfIdAndOfNavigationProperties_reqSelect() {
        long gauge = data().thing(GAUGE);
        JsonNode thing = sta().get("Things(" + gauge + ")?$select=id,Datastreams,name");
        assertThat(fieldNames(thing)).containsExactlyInAnyOrder("@iot.id", "name", "Datastreams@iot.navigationLink");
        assertThat(thing.get("@iot.id").asLong()).isEqualTo(gauge);
        assertThat(thing.get("Datastreams@iot.navigationLink").asString()).endsWith("/Things(" + gauge + ")/Datastreams");
    }

    @Test
    void selectOnAnObservationResult_reqSelect() {
        JsonNode observation = sta().get("Observations(" + data().observation(WATER_LEVEL, 1) + ")?$select=result,phenomenonTime");
        assertThat(fieldNames(observation)).containsExactlyInAnyOrder("result", "phenomenonTime");
        assertThat(observation.get("result").asDouble()).isEqualTo(102.5);
    }

    // ---- $expand (req/request-data/expand) ---------------------------------------------------------

    @Test
    void expandToOneAndToManyNavigationProperties_reqExpand() {
        JsonNode datastream = sta().get("Datastreams(" + data().datastream(NO2) + ")?$expand=Thing,Sensor,Observations");
        assertThat(datastream.at("/Thing/name").asString()).isEqualTo(AIR_STATION);
        assertThat(datastream.at("/Thing/@iot.selfLink").asString()).endsWith("/Things(" + data().thing(AIR_STATION) + ")");
        assertThat(datastream.at("/Sensor/name").asString()).isEqualTo("Passivsammler NO2");
        assertThat(ids(wrap(datastream.get("Observations"))))
                .containsExactlyElementsOf(data().observations(NO2));
        assertThat(datastream.has("Thing@iot.navigationLink")).isTrue();
    }

    @Test
    void expandWithItsOwnTopAndOrderby_latestObservation_reqExpand() {
        JsonNode datastreams = sta().get("Datastreams?$filter=Thing/name eq '" + CAR_PARK
                + "'&$orderby=name&$expand=Observations($top=1;$orderby=phenomenonTime desc)");
        List<Long> latest = new ArrayList<>();
        for (JsonNode datastream : datastreams.get("value")) {
            assertThat(datastream.get("Observations")).hasSize(1);
            latest.add(datastream.at("/Observations/0/@iot.id").asLong());
        }
        assertThat(latest).containsExactly(data().observation(PARKING_STATUS, 2), data().observation(FREE_SPACES, 2),
                data().observation(OPEN, 1));
    }

    @Test
    void nestedExpand_ThingsDatastreamsObservationsAndObservedProperty_reqExpand() {
        JsonNode thing = sta().get("Things(" + data().thing(GAUGE)
                + ")?$expand=Datastreams($expand=Observations,ObservedProperty)");
        JsonNode datastream = thing.at("/Datastreams/0");
        assertThat(thing.get("Datastreams")).hasSize(1);
        assertThat(datastream.at("/ObservedProperty/name").asString()).isEqualTo("Wasserstand");
        assertThat(ids(wrap(datastream.get("Observations")))).containsExactlyElementsOf(data().observations(WATER_LEVEL));
        assertThat(datastream.at("/Observations/0/@iot.selfLink").asString())
                .endsWith("/Observations(" + data().observation(WATER_LEVEL, 0) + ")");
    }

    @Test
    void expandByPath_ObservationDatastreamThing_reqExpand() {
        JsonNode observation = sta().get("Observations(" + data().observation(OPEN, 0) + ")?$expand=Datastream/Thing");
        assertThat(observation.at("/Datastream/name").asString()).isEqualTo(OPEN);
        assertThat(observation.at("/Datastream/Thing/name").asString()).isEqualTo(CAR_PARK);
    }

    @Test
    void expandWithSelectFilterCountAndSkip_reqExpand() {
        JsonNode thing = sta().get("Things(" + data().thing(CAR_PARK) + ")?$select=name&$expand=Datastreams("
                + "$select=name;$filter=observationType ne '" + OM + "OM_TruthObservation';$orderby=name desc;"
                + "$count=true;$top=1;$skip=1)");
        assertThat(fieldNames(thing)).containsExactlyInAnyOrder("name", "Datastreams", "Datastreams@iot.count");
        assertThat(thing.get("Datastreams@iot.count").asLong()).isEqualTo(2);
        assertThat(thing.get("Datastreams")).hasSize(1);
        assertThat(fieldNames(thing.at("/Datastreams/0"))).containsExactly("name");
        assertThat(thing.at("/Datastreams/0/name").asString()).isEqualTo(PARKING_STATUS);
    }

    @Test
    void expandOfAnEmptyCollectionAndOfEveryEntityInACollection_reqExpand() {
        JsonNode things = sta().get("Things?$orderby=name&$expand=Locations($select=name)");
        List<Integer> locationCounts = new ArrayList<>();
        things.get("value").forEach(thing -> locationCounts.add(thing.get("Locations").size()));
        // Abfallbehälter, Luftmessstation, Parkhaus, Pegel
        assertThat(locationCounts).containsExactly(0, 1, 1, 2);
    }

    @Test
    void expandedObservationsHonourTheirFilter_reqExpand() {
        JsonNode datastream = sta().get("Datastreams(" + data().datastream(WATER_LEVEL)
                + ")?$expand=Observations($filter=result gt 100;$select=result;$orderby=result)");
        List<Double> results = new ArrayList<>();
        datastream.get("Observations").forEach(o -> results.add(o.get("result").asDouble()));
        assertThat(results).containsExactly(102.5, 110.0, 131.25);
    }

    private static JsonNode wrap(JsonNode array) {
        return StaClient.json("{\"value\":" + array + "}");
    }

    // ---- server-driven paging (req/request-data/pagination) ----------------------------------------

    @Test
    void nextLinkIsPresentExactlyWhenMoreEntitiesFollow_reqPagination() {
        String observations = "Datastreams(" + data().datastream(WATER_LEVEL) + ")/Observations";
        assertThat(sta().get(observations + "?$top=4").has("@iot.nextLink")).isTrue();
        assertThat(sta().get(observations + "?$top=5").has("@iot.nextLink")).isFalse();
        assertThat(sta().get(observations + "?$top=2&$skip=3").has("@iot.nextLink")).isFalse();
        assertThat(sta().get(observations).has("@iot.nextLink")).isFalse();
    }

    @Test
    void followingNextLinksVisitsEveryEntityOnceWithTheQueryKept_reqPagination() {
        JsonNode page = sta().get("Observations?$filter=result gt 20&$orderby=result desc&$top=3&$count=true");
        long count = page.get("@iot.count").asLong();
        List<Double> results = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            page.get("value").forEach(o -> results.add(o.get("result").asDouble()));
            if (!page.has("@iot.nextLink")) {
                break;
            }
            String next = page.get("@iot.nextLink").asString();
            assertThat(next).startsWith("http://localhost:" + port + sta().root() + "/Observations?");
            page = sta().follow(next);
        }
        // numeric results above 20: 88, 102.5, 110, 131.25, 95, 120, 87, 21.5, 38, 44.75
        assertThat(results).containsExactly(131.25, 120.0, 110.0, 102.5, 95.0, 88.0, 87.0, 44.75, 38.0, 21.5);
        assertThat(count).isEqualTo(10);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void topAboveTheMaximumIsCappedAndContinuedByANextLink_reqPagination() {
        StaClient client = bikeCounter();
        JsonNode first = client.get("Datastreams(" + bikeDatastream + ")/Observations?$top=1000");
        assertThat(first.get("value")).hasSize(MAX_TOP);
        assertThat(first.has("@iot.nextLink")).isTrue();

        JsonNode second = client.follow(first.get("@iot.nextLink").asString());
        assertThat(second.get("value")).hasSize(BIKE_COUNTS - MAX_TOP);
        assertThat(second.has("@iot.nextLink")).isFalse();
        assertThat(second.at("/value/0/result").asInt()).isEqualTo(40 + MAX_TOP);
    }

    @Test
    void pageWithoutTopNeverExceedsTheMaximum_reqPagination() {
        StaClient client = bikeCounter();
        JsonNode first = client.get("Observations");
        assertThat(first.get("value").size()).isLessThanOrEqualTo(MAX_TOP);
        assertThat(first.has("@iot.nextLink")).isTrue();
    }

    @Test
    void expandedCollectionWithMoreEntitiesHasANextLink_reqPagination() {
        List<Long> o = data().observations(WATER_LEVEL);
        JsonNode datastream = sta().get("Datastreams(" + data().datastream(WATER_LEVEL)
                + ")?$expand=Observations($top=2;$orderby=phenomenonTime)");
        assertThat(idsOnPage(wrap(datastream.get("Observations")))).containsExactly(o.get(0), o.get(1));
        assertThat(datastream.has("Observations@iot.nextLink")).isTrue();

        JsonNode next = sta().follow(datastream.get("Observations@iot.nextLink").asString());
        assertThat(idsOnPage(next)).containsExactly(o.get(2), o.get(3));
    }

    @Test
    void expandedNextLinkIsTheNavigationLinkWithTheItemsOptionsForTheNextPage_reqPagination() {
        String datastream = "Datastreams(" + data().datastream(WATER_LEVEL) + ")";
        JsonNode cut = sta().get(datastream + "?$expand=Observations($top=2;$skip=1;$orderby=result desc;"
                + "$filter=result gt 90 and phenomenonTime ge 2000-01-01T00:00:00+01:00)");
        assertThat(cut.get("Observations@iot.nextLink").asString()).isEqualTo("http://localhost:" + port + sta().root()
                + "/" + datastream + "/Observations?$top=2&$skip=3&$orderby=result%20desc&$filter=result%20gt%2090%20and"
                + "%20phenomenonTime%20ge%202000-01-01T00:00:00%2B01:00");

        // The water level has 5 Observations: a page holding the last ones, or all, has no next page.
        assertThat(sta().get(datastream + "?$expand=Observations($top=5)").has("Observations@iot.nextLink")).isFalse();
        assertThat(sta().get(datastream + "?$expand=Observations($skip=3)").has("Observations@iot.nextLink")).isFalse();
        assertThat(sta().get(datastream + "?$expand=Thing").has("Thing@iot.nextLink")).isFalse();
    }

    @Test
    void followingAnExpandedNextLinkToTheEndGivesWhatAnUnpagedReadGives_reqPagination() {
        StaClient client = bikeCounter();
        String options = "$filter=result ge 50;$orderby=result desc;$select=result";
        JsonNode datastream = client.get("Datastreams(" + bikeDatastream + ")?$expand=Observations(" + options
                + ";$count=true;$top=7)");

        List<JsonNode> paged = everyPageOf(client, datastream, "Observations");
        JsonNode unpaged = client.get("Datastreams(" + bikeDatastream + ")/Observations?" + options.replace(';', '&'));
        assertThat(unpaged.has("@iot.nextLink")).isFalse();
        // results 50 to 99: 50 Observations on 8 pages of 7
        assertThat(paged).hasSize(50).containsExactlyElementsOf(unpaged.get("value"));
    }

    @Test
    void expandedCollectionCutAtTheMaximumContinuesWithTheMergedNestedExpansion_reqPagination() {
        StaClient client = bikeCounter();
        JsonNode datastream = client.get("Datastreams(" + bikeDatastream + ")?$expand=Observations($select=result),"
                + "Observations/FeatureOfInterest($select=name)");
        assertThat(datastream.get("Observations")).hasSize(MAX_TOP);

        List<JsonNode> all = everyPageOf(client, datastream, "Observations");
        assertThat(all).hasSize(BIKE_COUNTS).allSatisfy(observation -> {
            assertThat(observation.has("phenomenonTime")).isFalse();
            assertThat(observation.at("/FeatureOfInterest/name").asString()).isNotEmpty();
        });
        assertThat(all).extracting(observation -> observation.get("result").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(40, 40 + BIKE_COUNTS).boxed().toList());
    }

    /** The entities of an expanded collection followed by those of every page its nextLinks lead to. */
    private static List<JsonNode> everyPageOf(StaClient client, JsonNode entity, String navigation) {
        List<JsonNode> entities = new ArrayList<>();
        entity.get(navigation).forEach(entities::add);
        JsonNode page = entity;
        String nextLink = navigation + "@iot.nextLink";
        while (page.has(nextLink)) {
            page = client.follow(page.get(nextLink).asString());
            page.get("value").forEach(entities::add);
            nextLink = "@iot.nextLink";
        }
        return entities;
    }

    @Test
    void expandedCollectionsAreCappedAtTheMaximumToo_reqPagination() {
        JsonNode datastream = bikeCounter().get("Datastreams(" + bikeDatastream + ")?$expand=Observations($top=500;$count=true)");
        assertThat(datastream.get("Observations")).hasSize(MAX_TOP);
        assertThat(datastream.get("Observations@iot.count").asLong()).isEqualTo(BIKE_COUNTS);
    }
}
