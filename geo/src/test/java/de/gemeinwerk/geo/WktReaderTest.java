package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class WktReaderTest {

    @Test
    void readsThePointOfAGeographyLiteral() {
        Point point = (Point) WktReader.read("POINT(-117.123 54.123)");

        assertThat(point.getX()).isEqualTo(-117.123);
        assertThat(point.getY()).isEqualTo(54.123);
        assertThat(point.getCoordinate().getZ()).isNaN();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "point ( 1 2 )                                     | POINT (1 2)",
        "SRID=4326;POINT(1 2)                              | POINT (1 2)",
        "srid = 4326 ; Point(1 2)                          | POINT (1 2)",
        "POINT(1e3 -2.5E-1)                                | POINT (1000 -0.25)",
        "POINT(.5 +1.)                                     | POINT (0.5 1)",
        "LINESTRING(0 0, 1 1, 2 2)                         | LINESTRING (0 0, 1 1, 2 2)",
        "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"
            + " | POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
        "MULTIPOINT((1 2), (3 4))                          | MULTIPOINT ((1 2), (3 4))",
        "MULTIPOINT(1 2, 3 4)                              | MULTIPOINT ((1 2), (3 4))",
        "MULTILINESTRING((0 0, 1 1), (2 2, 3 3))           | MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
        "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"
            + " | MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1), GEOMETRYCOLLECTION EMPTY)"
            + " | GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), GEOMETRYCOLLECTION EMPTY)",
        "POINT EMPTY                                       | POINT EMPTY",
        "POLYGON EMPTY                                     | POLYGON EMPTY",
        "MULTIPOLYGON EMPTY                                | MULTIPOLYGON EMPTY",
    })
    void readsEverySupportedForm(String wkt, String expected) {
        assertThat(WktReader.read(wkt).toText()).isEqualTo(expected);
    }

    @Test
    void keepsZFromTaggedAndUntaggedPositions() {
        assertThat(WktReader.read("POINT Z (1 2 3)").getCoordinate()).isEqualTo(new Coordinate(1, 2, 3));
        assertThat(WktReader.read("POINT Z (1 2 3)").getCoordinate().getZ()).isEqualTo(3);
        assertThat(WktReader.read("LINESTRING(1 2 3, 4 5 6)").getCoordinates()[1].getZ()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                             | invalid WKT at character 1: expected a geometry type such as POINT or POLYGON, found the end of the text",
        "(1 2)                          | invalid WKT at character 1: expected a geometry type such as POINT or POLYGON, found '('",
        "CIRCULARSTRING(0 0, 1 1, 2 0)  | invalid WKT at character 1: unknown or unsupported geometry type CIRCULARSTRING, expected one of"
            + " POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION",
        "POINT(1 2) x                   | invalid WKT at character 12: expected the end of the geometry, found 'x'",
        "POINT(1 2), POINT(3 4)         | invalid WKT at character 11: expected the end of the geometry, found ','",
        "POINT(1)                       | invalid WKT at character 8: expected a number, found ')'",
        "POINT(1 2 3 4)                 | invalid WKT at character 13: a position has 2 or 3 coordinates, expected ',' or ')', found '4'",
        "POINT Z (1 2)                  | invalid WKT at character 13: expected the z coordinate of a Z geometry, found ')'",
        "POINT M (1 2 3)                | invalid WKT at character 7: M (measure) coordinates are not supported",
        "POINT ZM (1 2 3 4)             | invalid WKT at character 7: M (measure) coordinates are not supported",
        "POINT(1 2                      | invalid WKT at character 10: expected ')', found the end of the text",
        "POINT 1 2                      | invalid WKT at character 7: expected '(', found '1'",
        "POINT FOO(1 2)                 | invalid WKT at character 7: expected '(', Z or EMPTY after POINT, found FOO",
        "POINT(NaN 1)                   | invalid WKT at character 7: expected a number, found 'N'",
        "POINT(- 1)                     | invalid WKT at character 7: expected a number, found '-'",
        "POINT(1e 2)                    | invalid WKT at character 10: expected the digits of an exponent, found '2'",
        "POINT(1e999 1)                 | invalid WKT at character 7: a coordinate must be a finite number, found Infinity",
        "LINESTRING(0 0)                | invalid WKT at character 11: a LineString needs at least 2 positions, found 1",
        "LINESTRING(0 0 1 1)            | invalid WKT at character 18: a position has 2 or 3 coordinates, expected ',' or ')', found '1'",
        "POLYGON((0 0, 1 0, 1 1, 0 1))  | invalid WKT at character 9: a linear ring must be closed: its last position must equal its first",
        "POLYGON((0 0, 1 0, 0 0))       | invalid WKT at character 9: a linear ring needs at least 4 positions, found 3",
        "POLYGON((0 0, 1 0, 1 1, 0 0) (2 2, 3 2, 3 3, 2 2)) | invalid WKT at character 30: expected ',' or ')', found '('",
        "MULTIPOINT()                   | invalid WKT at character 12: expected '(', found ')'",
        "GEOMETRYCOLLECTION(POINT(1 2), FOO(1)) | invalid WKT at character 32: unknown or unsupported geometry type FOO, expected one of"
            + " POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION",
        "SRID=3857;POINT(1 2)           | invalid WKT at character 6: SRID 3857 is not supported, locations are WGS 84 (SRID=4326)",
        "SRID=;POINT(1 2)               | invalid WKT at character 6: expected the SRID number, found ';'",
        "SRID=4326 POINT(1 2)           | invalid WKT at character 11: expected ';', found 'P'",
    })
    void refusesMalformedWktSayingWhatAndWhere(String wkt, String expectedMessage) {
        assertThatThrownBy(() -> WktReader.read(wkt))
                .isInstanceOf(GeometryFormatException.class)
                .hasMessage(expectedMessage);
    }
}
