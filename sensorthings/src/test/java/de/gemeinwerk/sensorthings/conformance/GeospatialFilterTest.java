package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.MunicipalData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The geospatial functions of $filter (OGC 18-088, table "Built-in Query Functions": geo.distance,
 * geo.length, geo.intersects and st_equals … st_relate) on Location/location and FeatureOfInterest/feature,
 * directly and through navigation. Geometries of the municipal data (WGS 84, x = longitude):
 * <pre>
 * Locations   "Pegel Mühlbach Standort"       POINT(7.60 51.95)
 *             "Mühlbach Verlauf"              LINESTRING(7.59 51.94, 7.61 51.96)
 *             "Parkhaus Am Markt Grundstück"  POLYGON 7.62..7.64 x 51.955..51.97
 *             "Schulhof Gesamtschule"         POINT(7.58 51.93)
 * Features    "Messstelle Mühlbach"           POINT(7.601 51.951)
 *             "Parkhaus Am Markt Einfahrt"    POLYGON 7.629..7.631 x 51.961..51.963
 *             "Schulstraße"                   LINESTRING(7.57 51.93, 7.59 51.93)
 * </pre>
 */
@SensorThingsTest
class GeospatialFilterTest extends ConformanceTestBase {

    /** The town centre: contains the gauge point, the car park and its entrance, and half of the stream line. */
    private static final String CENTRE =
            "geography'POLYGON((7.595 51.945, 7.65 51.945, 7.65 51.975, 7.595 51.975, 7.595 51.945))'";
    /** A north-south line at longitude 7.60: through the gauge point, across the stream line. */
    private static final String MERIDIAN = "geography'LINESTRING(7.60 51.90, 7.60 52.00)'";
    /** Overlaps the north-east part of the car park. */
    private static final String NORTH_EAST = "geography'POLYGON((7.63 51.96, 7.65 51.96, 7.65 51.98, 7.63 51.98, 7.63 51.96))'";
    /** Shares the car park's eastern edge. */
    private static final String EAST_NEIGHBOUR =
            "geography'POLYGON((7.64 51.955, 7.66 51.955, 7.66 51.97, 7.64 51.97, 7.64 51.955))'";
    private static final String SCHOOLYARD_POINT = "geography'POINT(7.58 51.93)'";

    private List<String> locations(String filter) {
        return names(sta().get("Locations?$orderby=name&$filter=" + filter));
    }

    private List<String> features(String filter) {
        return names(sta().get("FeaturesOfInterest?$orderby=name&$filter=" + filter));
    }

    private List<String> things(String filter) {
        return names(sta().get("Things?$orderby=name&$filter=" + filter));
    }

    @Test
    void stWithinAndStContains() {
        assertThat(locations("st_within(location, " + CENTRE + ")")).containsExactlyInAnyOrder(GAUGE_POINT, CAR_PARK_AREA);
        assertThat(locations("st_contains(" + CENTRE + ", location)")).containsExactlyInAnyOrder(GAUGE_POINT, CAR_PARK_AREA);
        assertThat(locations("st_contains(location, geography'POINT(7.63 51.96)')")).containsExactlyInAnyOrder(CAR_PARK_AREA);
        assertThat(locations("st_within(geography'POINT(7.63 51.96)', location)")).containsExactlyInAnyOrder(CAR_PARK_AREA);
        assertThat(features("st_within(feature, " + CENTRE + ")")).containsExactlyInAnyOrder(GAUGE_SITE, CAR_PARK_ENTRANCE);
    }

    @Test
    void stIntersectsAndGeoIntersects() {
        assertThat(locations("st_intersects(location, " + MERIDIAN + ")")).containsExactlyInAnyOrder(STREAM_LINE, GAUGE_POINT);
        assertThat(locations("geo.intersects(location, " + MERIDIAN + ")")).containsExactlyInAnyOrder(STREAM_LINE, GAUGE_POINT);
        assertThat(features("st_intersects(feature, geography'LINESTRING(7.58 51.92, 7.58 51.94)')"))
                .containsExactlyInAnyOrder(SCHOOL_STREET);
    }

    @Test
    void stCrosses() {
        assertThat(locations("st_crosses(location, " + MERIDIAN + ")")).containsExactlyInAnyOrder(STREAM_LINE);
        assertThat(features("st_crosses(feature, geography'LINESTRING(7.58 51.92, 7.58 51.94)')"))
                .containsExactlyInAnyOrder(SCHOOL_STREET);
    }

    @Test
    void stOverlapsAndStTouches() {
        assertThat(locations("st_overlaps(location, " + NORTH_EAST + ")")).containsExactlyInAnyOrder(CAR_PARK_AREA);
        assertThat(locations("st_touches(location, " + EAST_NEIGHBOUR + ")")).containsExactlyInAnyOrder(CAR_PARK_AREA);
        assertThat(locations("st_overlaps(location, " + EAST_NEIGHBOUR + ")")).isEmpty();
    }

    @Test
    void stDisjointAndStEquals() {
        assertThat(locations("st_disjoint(location, " + CENTRE + ")")).containsExactlyInAnyOrder(SCHOOLYARD);
        assertThat(locations("not st_within(location, " + CENTRE + ")")).containsExactlyInAnyOrder(STREAM_LINE, SCHOOLYARD);
        assertThat(locations("st_equals(location, " + SCHOOLYARD_POINT + ")")).containsExactlyInAnyOrder(SCHOOLYARD);
        assertThat(locations("st_equals(location, geography'SRID=4326;POINT(7.58 51.93)')")).containsExactlyInAnyOrder(SCHOOLYARD);
        assertThat(features("st_equals(feature, geography'LINESTRING(7.57 51.93, 7.59 51.93)')")).containsExactlyInAnyOrder(SCHOOL_STREET);
    }

    @Test
    void stRelateWithADe9imPattern() {
        assertThat(locations("st_relate(location, " + CENTRE + ", 'T********')"))
                .containsExactlyInAnyOrder(STREAM_LINE, CAR_PARK_AREA, GAUGE_POINT);
        assertThat(locations("st_relate(location, " + CENTRE + ", 'FF*FF****')")).containsExactlyInAnyOrder(SCHOOLYARD);
    }

    @Test
    void geoDistance() {
        assertThat(locations("geo.distance(location, " + SCHOOLYARD_POINT + ") lt 0.03"))
                .containsExactlyInAnyOrder(STREAM_LINE, GAUGE_POINT, SCHOOLYARD);
        assertThat(locations("geo.distance(location, " + SCHOOLYARD_POINT + ") gt 0.03")).containsExactlyInAnyOrder(CAR_PARK_AREA);
        assertThat(locations("geo.distance(location, " + SCHOOLYARD_POINT + ") eq 0")).containsExactlyInAnyOrder(SCHOOLYARD);
        assertThat(features("geo.distance(feature, geography'POINT(7.601 51.95)') lt 0.0011")).containsExactlyInAnyOrder(GAUGE_SITE);
    }

    @Test
    void geoLength_isZeroForPointsAndPolygons() {
        assertThat(locations("geo.length(location) gt 0.02")).containsExactlyInAnyOrder(STREAM_LINE);
        assertThat(locations("geo.length(location) eq 0")).containsExactlyInAnyOrder(CAR_PARK_AREA, GAUGE_POINT, SCHOOLYARD);
        assertThat(features("geo.length(feature) gt 0.019")).containsExactlyInAnyOrder(SCHOOL_STREET);
    }

    @Test
    void thingsByTheirLocations_toManyNavigation() {
        assertThat(things("st_within(Locations/location, " + CENTRE + ")")).containsExactlyInAnyOrder(CAR_PARK, GAUGE);
        assertThat(things("geo.distance(Locations/location, " + SCHOOLYARD_POINT + ") lt 0.001")).containsExactlyInAnyOrder(AIR_STATION);
        assertThat(things("st_within(HistoricalLocations/Locations/location, " + CENTRE + ")")).containsExactlyInAnyOrder(CAR_PARK, GAUGE);
        assertThat(things("Locations/any(l: st_crosses(l/location, " + MERIDIAN + "))")).containsExactlyInAnyOrder(GAUGE);
    }

    @Test
    void observationsByTheirFeatureOfInterest_toOneNavigation() {
        List<Long> expected = new ArrayList<>(data().observations(WATER_LEVEL));
        expected.addAll(data().observations(PARKING_STATUS));
        expected.addAll(data().observations(FREE_SPACES));
        expected.addAll(data().observations(OPEN));
        assertThat(ids("Observations?$filter=st_within(FeatureOfInterest/feature, " + CENTRE + ")"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids("Observations?$filter=geo.intersects(FeatureOfInterest/feature, geography'POINT(7.63 51.962)')"
                + " and result gt 100")).containsExactlyInAnyOrder(data().observation(FREE_SPACES, 0));
    }

    @Test
    void datastreamsByTheLocationOfTheirThing() {
        assertThat(ids("Datastreams?$filter=st_within(Thing/Locations/location, " + SCHOOLYARD_POINT.replace("POINT(7.58 51.93)",
                "POLYGON((7.5 51.9, 7.59 51.9, 7.59 51.94, 7.5 51.94, 7.5 51.9))") + ")"))
                .containsExactlyInAnyOrder(data().datastream(NO2));
    }

    @Test
    void geoFunctionsInExpandAndOrderby() {
        var thing = sta().get("Things(" + data().thing(GAUGE) + ")?$expand=Locations($filter=geo.length(location) gt 0)");
        assertThat(names(wrap(thing.get("Locations")))).containsExactly(STREAM_LINE);
        assertThat(names(sta().get("Locations?$orderby=geo.distance(location, " + SCHOOLYARD_POINT + ") desc")))
                .containsExactly(CAR_PARK_AREA, GAUGE_POINT, STREAM_LINE, SCHOOLYARD);
    }

    private static tools.jackson.databind.JsonNode wrap(tools.jackson.databind.JsonNode array) {
        return de.gemeinwerk.sensorthings.StaClient.json("{\"value\":" + array + "}");
    }
}
