package de.gemeinwerk.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RightHandRuleTest {

    private static String oriented(String geoJson) {
        return GeoJsonWriter.toJsonString(RightHandRule.orient(GeoJsonReader.read(geoJson)));
    }

    @Test
    void turnsAClockwiseShellCounterclockwiseAndACounterclockwiseHoleClockwise() {
        String clockwise = """
                {"type": "Polygon", "coordinates": [
                  [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],
                  [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]]}""";

        assertThat(oriented(clockwise)).isEqualTo("{\"type\":\"Polygon\",\"coordinates\":["
                + "[[0.0,0.0],[10.0,0.0],[10.0,10.0],[0.0,10.0],[0.0,0.0]],"
                + "[[2.0,2.0],[2.0,4.0],[4.0,4.0],[4.0,2.0],[2.0,2.0]]]}");
    }

    @Test
    void leavesRightHandedPolygonsAndOtherTypesAsTheyAre() {
        String right = "{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],[10.0,0.0],[10.0,10.0],[0.0,0.0]]]}";
        assertThat(oriented(right)).isEqualTo(right);
        assertThat(oriented("{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}"))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}");
    }

    @Test
    void orientsThePolygonsInsideCollections() {
        String multi = """
                {"type": "GeometryCollection", "geometries": [
                  {"type": "MultiPolygon", "coordinates": [[[[0, 0], [0, 1], [1, 1], [0, 0]]]]},
                  {"type": "Point", "coordinates": [1, 2]}]}""";

        assertThat(oriented(multi)).isEqualTo("{\"type\":\"GeometryCollection\",\"geometries\":["
                + "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0.0,0.0],[1.0,1.0],[0.0,1.0],[0.0,0.0]]]]},"
                + "{\"type\":\"Point\",\"coordinates\":[1.0,2.0]}]}");
    }
}
