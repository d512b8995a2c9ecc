package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonWriterTest {

    /** Written the way the writer writes: numbers as doubles, members in the order type, coordinates. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'Point','coordinates':[-117.123,54.123]}",
        "{'type':'Point','coordinates':[8.0,52.0,110.5]}",
        "{'type':'Point','coordinates':[]}",
        "{'type':'MultiPoint','coordinates':[[1.0,2.0],[3.0,4.0,5.0]]}",
        "{'type':'LineString','coordinates':[[0.0,0.0,1.0],[1.0,1.0,2.0]]}",
        "{'type':'LineString','coordinates':[]}",
        "{'type':'MultiLineString','coordinates':[[[0.0,0.0],[1.0,1.0]],[[2.0,2.0],[3.0,3.0]]]}",
        "{'type':'Polygon','coordinates':[[[0.0,0.0],[10.0,0.0],[10.0,10.0],[0.0,10.0],[0.0,0.0]],"
            + "[[4.0,4.0],[4.0,6.0],[6.0,6.0],[6.0,4.0],[4.0,4.0]]]}",
        "{'type':'Polygon','coordinates':[]}",
        "{'type':'MultiPolygon','coordinates':[[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]],"
            + "[[[5.0,5.0,1.0],[6.0,5.0,1.0],[6.0,6.0,1.0],[5.0,5.0,1.0]]]]}",
        "{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1.0,2.0]},"
            + "{'type':'GeometryCollection','geometries':[]}]}",
    })
    void roundTripsEveryTypeKeeping3dPositions(String geoJson) {
        String json = geoJson.replace('\'', '"');

        assertThat(GeoJsonWriter.toJsonString(GeoJsonReader.read(json))).isEqualTo(json);
    }

    @Test
    void writesAJsonNodeThatReadsBackToAnEqualGeometry() {
        Geometry polygon = WktReader.read("POLYGON Z((0 0 1, 4 0 1, 4 4 2, 0 0 1))");

        JsonNode json = GeoJsonWriter.toJson(polygon);

        assertThat(json.get("type").stringValue()).isEqualTo("Polygon");
        assertThat(GeoJsonReader.read(json).equalsExact(polygon)).isTrue();
        assertThat(GeoJsonReader.read(json).getCoordinates()[2].getZ()).isEqualTo(2);
    }

    @Test
    void writesALinearRingAsALineString() {
        Geometry ring = GeometryAssembly.FACTORY.createLinearRing(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0)});

        assertThat(GeoJsonWriter.toJsonString(ring))
                .isEqualTo("{\"type\":\"LineString\",\"coordinates\":[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,0.0]]}");
    }

    @Test
    void writesGeometriesFromOtherFactoriesWith2dSequencesIn2d() {
        var factory = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
        Geometry line = factory.createLineString(new Coordinate[] {new Coordinate(0, 1), new Coordinate(2, 3)});

        assertThat(GeoJsonWriter.toJsonString(line))
                .isEqualTo("{\"type\":\"LineString\",\"coordinates\":[[0.0,1.0],[2.0,3.0]]}");
    }

    @Test
    void producesJsonThatAnyJsonParserReads() {
        String json = GeoJsonWriter.toJsonString(WktReader.read("MULTIPOINT(1 2, 3 4)"));

        assertThat(JsonMapper.shared().readTree(json).get("coordinates").size()).isEqualTo(2);
    }
}
