package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/**
 * Expected values are what PostGIS's geometry functions return for the same input (see the PostGIS
 * manual and the OGC Simple Features DE-9IM definitions).
 */
class SpatialPredicatesTest {

    private static final Geometry SQUARE = wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");
    private static final Geometry SQUARE_WITH_HOLE =
            wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))");

    private static Geometry wkt(String text) {
        return WktReader.read(text);
    }

    /** All predicates of a against b, as a string of T/F in the order of the CSV header below. */
    private static String predicates(Geometry a, Geometry b) {
        boolean[] results = {
            SpatialPredicates.equal(a, b), SpatialPredicates.disjoint(a, b), SpatialPredicates.touches(a, b),
            SpatialPredicates.within(a, b), SpatialPredicates.overlaps(a, b), SpatialPredicates.crosses(a, b),
            SpatialPredicates.intersects(a, b), SpatialPredicates.contains(a, b)};
        StringBuilder text = new StringBuilder();
        for (boolean result : results) {
            text.append(result ? 'T' : 'F');
        }
        return text.toString();
    }

    @Nested
    class PointAndPolygon {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            // point                                        equal,disjoint,touches,within,overlaps,crosses,intersects,contains
            "interior point               | POINT(5 5)    | FFFTFFTF",
            "point on an edge             | POINT(0 5)    | FFTFFFTF",
            "point on a vertex            | POINT(0 0)    | FFTFFFTF",
            "point outside                | POINT(11 5)   | FTFFFFFF",
            "point beyond an edge's line  | POINT(0 12)   | FTFFFFFF",
        })
        void pointOnTheBoundaryIsNotWithinButTouchesAndIntersects(String description, String point, String expected) {
            assertThat(predicates(wkt(point), SQUARE)).isEqualTo(expected);
        }

        @Test
        void polygonContainsOnlyInteriorPoints() {
            assertThat(SpatialPredicates.contains(SQUARE, wkt("POINT(5 5)"))).isTrue();
            assertThat(SpatialPredicates.contains(SQUARE, wkt("POINT(10 5)"))).isFalse();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "in the hole                  | POINT(5 5)    | FTFFFFFF",
            "on the hole's boundary       | POINT(4 5)    | FFTFFFTF",
            "between shell and hole       | POINT(2 2)    | FFFTFFTF",
        })
        void aHoleIsOutsideThePolygon(String description, String point, String expected) {
            assertThat(predicates(wkt(point), SQUARE_WITH_HOLE)).isEqualTo(expected);
        }
    }

    @Nested
    class PolygonAndPolygon {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "overlapping         | POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))       | FFFFTFTF",
            "inside              | POLYGON((2 2, 8 2, 8 8, 2 8, 2 2))           | FFFTFFTF",
            "sharing an edge     | POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))    | FFTFFFTF",
            "sharing a corner    | POLYGON((10 10, 20 10, 20 20, 10 10))        | FFTFFFTF",
            "apart               | POLYGON((20 20, 30 20, 30 30, 20 20))        | FTFFFFFF",
            "same, other start and orientation | POLYGON((10 10, 10 0, 0 0, 0 10, 10 10)) | TFFTFFTT",
        })
        void againstTheSquare(String description, String polygon, String expected) {
            assertThat(predicates(wkt(polygon), SQUARE)).isEqualTo(expected);
        }

        @Test
        void squareContainsWhatIsInsideIt() {
            assertThat(SpatialPredicates.contains(SQUARE, wkt("POLYGON((2 2, 8 2, 8 8, 2 8, 2 2))"))).isTrue();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "filling the hole exactly    | POLYGON((4 4, 6 4, 6 6, 4 6, 4 4))                 | FFTFFFTF",
            "inside the hole             | POLYGON((4.5 4.5, 5.5 4.5, 5.5 5.5, 4.5 5.5, 4.5 4.5)) | FTFFFFFF",
            "covering the hole           | POLYGON((3 3, 7 3, 7 7, 3 7, 3 3))                 | FFFFTFTF",
        })
        void againstTheSquareWithAHole(String description, String polygon, String expected) {
            assertThat(predicates(wkt(polygon), SQUARE_WITH_HOLE)).isEqualTo(expected);
        }
    }

    @Nested
    class WithLines {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
            "passing through     | LINESTRING(-5 5, 15 5)   | FFFFFTTF",
            "inside              | LINESTRING(1 1, 9 9)     | FFFTFFTF",
            "along the boundary  | LINESTRING(0 0, 10 0)    | FFTFFFTF",
            "ending on the edge  | LINESTRING(-5 5, 0 5)    | FFTFFFTF",
            "apart               | LINESTRING(20 0, 20 10)  | FTFFFFFF",
        })
        void lineAgainstTheSquare(String description, String line, String expected) {
            assertThat(predicates(wkt(line), SQUARE)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}: {1} and {2}")
        @CsvSource(delimiter = '|', value = {
            "crossing in a point     | LINESTRING(0 0, 10 10) | LINESTRING(0 10, 10 0) | FFFFFTTF",
            "overlapping in part     | LINESTRING(0 0, 5 0)   | LINESTRING(3 0, 8 0)   | FFFFTFTF",
            "meeting at an end       | LINESTRING(0 0, 5 0)   | LINESTRING(5 0, 5 5)   | FFTFFFTF",
            "reversed, extra vertex  | LINESTRING(0 0, 2 2)   | LINESTRING(2 2, 1 1, 0 0) | TFFTFFTT",
            "parallel                | LINESTRING(0 0, 5 0)   | LINESTRING(0 1, 5 1)   | FTFFFFFF",
        })
        void lineAgainstLine(String description, String a, String b, String expected) {
            assertThat(predicates(wkt(a), wkt(b))).isEqualTo(expected);
        }
    }

    @Nested
    class Equality {

        @Test
        void isTopologicalAndIgnoresZ() {
            assertThat(SpatialPredicates.equal(wkt("MULTIPOINT((1 1), (1 1))"), wkt("POINT(1 1)"))).isTrue();
            assertThat(SpatialPredicates.equal(wkt("POINT Z(1 2 3)"), wkt("POINT(1 2)"))).isTrue();
            assertThat(SpatialPredicates.equal(wkt("POINT(1 2)"), wkt("POINT(1 2.000001)"))).isFalse();
        }

        @Test
        void twoEmptyGeometriesAreEqualAsInPostgis() {
            assertThat(SpatialPredicates.equal(wkt("POINT EMPTY"), wkt("POLYGON EMPTY"))).isTrue();
            assertThat(SpatialPredicates.equal(wkt("POINT EMPTY"), wkt("POINT(0 0)"))).isFalse();
        }

        @Test
        void aPointIsWithinAndContainsAnEqualPoint() {
            assertThat(predicates(wkt("POINT(1 1)"), wkt("POINT(1 1)"))).isEqualTo("TFFTFFTT");
        }
    }

    @Test
    void emptyGeometriesIntersectNothing() {
        assertThat(predicates(wkt("POINT EMPTY"), SQUARE)).isEqualTo("FTFFFFFF");
        assertThat(predicates(SQUARE, wkt("GEOMETRYCOLLECTION EMPTY"))).isEqualTo("FTFFFFFF");
    }

    @Test
    void acceptsGeometryCollectionsLikePostgis() {
        Geometry collection = wkt("GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(2 2, 3 3))");

        assertThat(SpatialPredicates.within(collection, SQUARE)).isTrue();
        assertThat(SpatialPredicates.contains(SQUARE, collection)).isTrue();
        assertThat(SpatialPredicates.intersects(wkt("GEOMETRYCOLLECTION(POINT(20 20), POINT(0 0))"), SQUARE)).isTrue();
    }

    @Nested
    class Relate {

        private final Geometry square = wkt("POLYGON((100 100, 100 200, 200 200, 200 100, 100 100))");
        private final Geometry line = wkt("LINESTRING(50 150, 150 150)");

        @Test
        void matchesTheFullMatrix() {
            assertThat(SpatialPredicates.relate(square, line, "1020F1102")).isTrue();
            assertThat(SpatialPredicates.relate(square, line, "1020F1101")).isFalse();
        }

        @Test
        void matchesWildcardsAndLowerCaseTf() {
            assertThat(SpatialPredicates.relate(square, line, "T*****T**")).isTrue();
            assertThat(SpatialPredicates.relate(square, line, "t*****t**")).isTrue();
        }

        @Test
        void withTheWithinPatternAgreesWithWithin() {
            assertThat(SpatialPredicates.relate(wkt("POINT(150 150)"), square, "T*F**F***")).isTrue();
            assertThat(SpatialPredicates.relate(wkt("POINT(100 150)"), square, "T*F**F***")).isFalse();
            assertThat(SpatialPredicates.relate(wkt("POINT(0 0)"), square, "FF*FF****")).as("disjoint").isTrue();
        }

        @Test
        void refusesAnInvalidPattern() {
            assertThatThrownBy(() -> SpatialPredicates.relate(square, line, "T*F"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a DE-9IM pattern has 9 characters, 'T*F' has 3");
        }
    }

    @Nested
    class Distance {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "POINT(13 14)                      | 5",
            "POINT(5 5)                        | 0",
            "POINT(10 5)                       | 0",
            "LINESTRING(12 0, 12 10)           | 2",
            "POLYGON((12 0, 20 0, 20 5, 12 0)) | 2",
        })
        void isThePlanarDistanceToTheSquare(String geometry, double expected) {
            assertThat(SpatialPredicates.distance(wkt(geometry), SQUARE)).hasValue(expected);
        }

        @Test
        void fromInsideAHoleIsTheDistanceToTheHolesBoundary() {
            assertThat(SpatialPredicates.distance(wkt("POINT(5 5)"), SQUARE_WITH_HOLE)).hasValue(1);
        }

        @Test
        void isInCoordinateUnitsIgnoringZ() {
            assertThat(SpatialPredicates.distance(wkt("POINT Z(0 0 0)"), wkt("POINT Z(3 4 100)"))).hasValue(5);
        }

        @Test
        void isUndefinedForAnEmptyGeometryWherePostgisReturnsNull() {
            assertThat(SpatialPredicates.distance(wkt("POINT EMPTY"), SQUARE)).isEmpty();
            assertThat(SpatialPredicates.distance(SQUARE, wkt("POLYGON EMPTY"))).isEmpty();
        }
    }

    @Nested
    class Length {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "LINESTRING(0 0, 3 4)                                          | 5",
            "LINESTRING Z(0 0 0, 3 4 100)                                  | 5",
            "MULTILINESTRING((0 0, 3 4), (0 0, 0 1))                       | 6",
            "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))                        | 0",
            "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))                          | 0",
            "POINT(1 2)                                                    | 0",
            "GEOMETRYCOLLECTION(LINESTRING(0 0, 3 4), POLYGON((0 0, 10 0, 10 10, 0 0)), POINT(1 1)) | 5",
            "LINESTRING EMPTY                                              | 0",
        })
        void countsOnlyLinearPartsLikePostgis(String geometry, double expected) {
            assertThat(SpatialPredicates.length(wkt(geometry))).isEqualTo(expected);
        }
    }
}
