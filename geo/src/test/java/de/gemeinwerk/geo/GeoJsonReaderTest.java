package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonReaderTest {

    @Test
    void readsA2dPointWithoutZ() {
        Point point = (Point) GeoJsonReader.read("{\"type\":\"Point\",\"coordinates\":[-117.123,54.123]}");

        assertThat(point.getX()).isEqualTo(-117.123);
        assertThat(point.getY()).isEqualTo(54.123);
        assertThat(point.getCoordinate().getZ()).isNaN();
    }

    @Test
    void readsA3dPointWithItsZ() {
        Point point = (Point) GeoJsonReader.read("{\"type\":\"Point\",\"coordinates\":[8, 52, 110.5]}");

        assertThat(point.getCoordinate()).isEqualTo(new Coordinate(8, 52, 110.5));
        assertThat(point.getCoordinate().getZ()).isEqualTo(110.5);
    }

    @Test
    void readsAJsonNodeAsWellAsAString() {
        var node = JsonMapper.shared().readTree("{\"type\":\"Point\",\"coordinates\":[1,2]}");

        assertThat(GeoJsonReader.read(node)).isEqualTo(GeoJsonReader.read(node.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type':'MultiPoint','coordinates':[[1,2],[3,4]]}                      | MULTIPOINT ((1 2), (3 4))",
        "{'type':'LineString','coordinates':[[0,0],[1,1],[2,0]]}                | LINESTRING (0 0, 1 1, 2 0)",
        "{'type':'MultiLineString','coordinates':[[[0,0],[1,1]],[[2,2],[3,3]]]} | MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
        "{'type':'Polygon','coordinates':[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}"
            + " | POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))",
        "{'type':'MultiPolygon','coordinates':[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}"
            + " | MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1,2]},"
            + "{'type':'GeometryCollection','geometries':[{'type':'LineString','coordinates':[[0,0],[1,1]]}]}]}"
            + " | GEOMETRYCOLLECTION (POINT (1 2), GEOMETRYCOLLECTION (LINESTRING (0 0, 1 1)))",
        "{'type':'Feature','properties':{'name':'x'},'geometry':{'type':'Point','coordinates':[7,51]}} | POINT (7 51)",
    })
    void readsEveryGeometryTypeAndFeatures(String json, String expectedWkt) {
        assertThat(GeoJsonReader.read(json.replace('\'', '"')).toText()).isEqualTo(expectedWkt);
    }

    @Test
    void readsAPolygonWithAHoleAsShellAndHole() {
        Polygon polygon = (Polygon) GeoJsonReader.read("""
                {"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}""");

        assertThat(polygon.getNumInteriorRing()).isOne();
        assertThat(polygon.getArea()).isEqualTo(96);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type':'Point','coordinates':[]}              | POINT EMPTY",
        "{'type':'LineString','coordinates':[]}         | LINESTRING EMPTY",
        "{'type':'Polygon','coordinates':[]}            | POLYGON EMPTY",
        "{'type':'MultiPolygon','coordinates':[]}       | MULTIPOLYGON EMPTY",
        "{'type':'GeometryCollection','geometries':[]}  | GEOMETRYCOLLECTION EMPTY",
    })
    void readsEmptyArraysAsEmptyGeometries(String json, String expectedWkt) {
        assertThat(GeoJsonReader.read(json.replace('\'', '"')).toText()).isEqualTo(expectedWkt);
    }

    @Test
    void ignoresMembersItDoesNotNeed() {
        Geometry geometry = GeoJsonReader.read("""
                {"type":"Point","coordinates":[1,2],"bbox":[1,2,1,2],"crs":{"type":"name"},"title":"foreign"}""");

        assertThat(geometry.toText()).isEqualTo("POINT (1 2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[1,2] | a GeoJSON object must be a JSON object, found array",
        "{'coordinates':[1,2]} | type: the member is missing",
        "{'type':1,'coordinates':[1,2]} | type: must be a string, found number",
        "{'type':'point','coordinates':[1,2]} | type: unknown GeoJSON type 'point', expected one of Point, MultiPoint,"
            + " LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection, Feature",
        "{'type':'FeatureCollection','features':[]} | type: unknown GeoJSON type 'FeatureCollection', expected one of"
            + " Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection, Feature",
        "{'type':'Point'} | coordinates: the member is missing",
        "{'type':'Point','coordinates':'1,2'} | coordinates: a position must be an array of 2 or 3 numbers, found string",
        "{'type':'Point','coordinates':null} | coordinates: a position must be an array of 2 or 3 numbers, found null",
        "{'type':'Point','coordinates':[1]} | coordinates: a position must have 2 or 3 numbers, found 1",
        "{'type':'Point','coordinates':[1,2,3,4]} | coordinates: a position must have 2 or 3 numbers, found 4",
        "{'type':'Point','coordinates':[1,'2']} | coordinates/1: a coordinate must be a number, found string",
        "{'type':'Point','coordinates':[1e400,2]} | coordinates/0: a coordinate must be a finite number, found Infinity",
        "{'type':'MultiPoint','coordinates':[1,2]} | coordinates/0: a position must be an array of 2 or 3 numbers, found number",
        "{'type':'LineString','coordinates':{}} | coordinates: must be an array of positions, found object",
        "{'type':'LineString','coordinates':[[1,2]]} | coordinates: a LineString needs at least 2 positions, found 1",
        "{'type':'LineString','coordinates':[[1,2],[3]]} | coordinates/1: a position must have 2 or 3 numbers, found 1",
        "{'type':'MultiLineString','coordinates':[[[0,0],[1,1]],[[2,2]]]} | coordinates/1: a LineString needs at least 2 positions, found 1",
        "{'type':'MultiLineString','coordinates':[0]} | coordinates/0: must be an array of positions, found number",
        "{'type':'Polygon','coordinates':{}} | coordinates: must be an array of linear rings, found object",
        "{'type':'Polygon','coordinates':[[0,0],[1,0],[1,1],[0,0]]} | coordinates/0/0: a position must be an array of 2 or 3 numbers, found number",
        "{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1]]]} | coordinates/0/3: a linear ring must be closed: its last position must equal its first",
        "{'type':'Polygon','coordinates':[[[0,0,1],[1,0,1],[1,1,1],[0,0,2]]]} | coordinates/0/3: a linear ring must be closed: its last position must equal its first",
        "{'type':'Polygon','coordinates':[[[0,0],[1,0],[0,0]]]} | coordinates/0: a linear ring needs at least 4 positions, found 3",
        "{'type':'Polygon','coordinates':[[]]} | coordinates/0: a linear ring needs at least 4 positions, found 0",
        "{'type':'Polygon','coordinates':[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[2,1],[2,2],[1,2],[1,3]]]} | coordinates/1/4: a linear ring must be closed: its last position must equal its first",
        "{'type':'MultiPolygon','coordinates':[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,null],[5,5]]]]} | coordinates/1/0/2/1: a coordinate must be a number, found null",
        "{'type':'MultiPolygon','coordinates':'x'} | coordinates: must be an array of polygons, found string",
        "{'type':'GeometryCollection'} | geometries: the member is missing",
        "{'type':'GeometryCollection','geometries':{}} | geometries: must be an array of geometries, found object",
        "{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1,2]},{'type':'LineString','coordinates':[['a',0],[1,1]]}]} | geometries/1/coordinates/0/0: a coordinate must be a number, found string",
        "{'type':'GeometryCollection','geometries':[{'type':'Feature','geometry':null}]} | geometries/0/type: a Feature is not allowed here, only a geometry",
        "{'type':'GeometryCollection','geometries':[3]} | geometries/0: a GeoJSON object must be a JSON object, found number",
        "{'type':'Feature','geometry':null} | geometry: a Feature must have a geometry to be used as a location",
        "{'type':'Feature','properties':{}} | geometry: a Feature must have a geometry to be used as a location",
        "{'type':'Feature','geometry':{'type':'Point','coordinates':[1]}} | geometry/coordinates: a position must have 2 or 3 numbers, found 1",
        "{'type':'Feature','geometry':{'type':'Feature'}} | geometry/type: a Feature is not allowed here, only a geometry",
    })
    void refusesMalformedGeoJsonSayingWhatAndWhere(String json, String expectedMessage) {
        assertThatThrownBy(() -> GeoJsonReader.read(json.replace('\'', '"')))
                .isInstanceOf(GeometryFormatException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void separatesPathAndProblem() {
        var error = (GeometryFormatException) catchThrowable(() -> GeoJsonReader.read(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"));

        assertThat(error.path()).isEqualTo("coordinates/0/3");
        assertThat(error.problem()).isEqualTo("a linear ring must be closed: its last position must equal its first");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> GeoJsonReader.read("{\"type\": Point}"))
                .isInstanceOf(GeometryFormatException.class)
                .hasMessageStartingWith("not valid JSON at line 1, column ")
                .hasMessageContaining("Unrecognized token 'Point'");
    }

    @Test
    void readsTheSameGeometryAsTheEquivalentWkt() {
        Geometry fromJson = GeoJsonReader.read("""
                {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2,3]},
                 {"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]]]}]}""");
        Geometry fromWkt = WktReader.read("GEOMETRYCOLLECTION(POINT Z(1 2 3), POLYGON((0 0, 10 0, 10 10, 0 0)))");

        assertThat(fromJson.equalsExact(fromWkt)).isTrue();
        assertThat(((GeometryCollection) fromJson).getGeometryN(0).getCoordinate().getZ()).isEqualTo(3);
    }
}
