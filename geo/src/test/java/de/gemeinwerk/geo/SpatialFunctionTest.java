package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Geometry;

class SpatialFunctionTest {

    private static final Geometry SQUARE = WktReader.read("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");

    /** Points, lines and polygons inside, on, near and far from each other, plus an empty geometry. */
    private static final List<Geometry> ZOO = Arrays.stream(new String[] {
        "POINT(5 5)", "POINT(0 5)", "POINT(0 0)", "POINT(11 5)", "POINT(30 30)", "POINT(10 10)",
        "LINESTRING(-5 5, 15 5)", "LINESTRING(0 0, 10 0)", "LINESTRING(1 1, 9 9)", "LINESTRING(10 10, 20 20)",
        "LINESTRING(0 11, 10 11)", "LINESTRING(12 0, 12 10)",
        "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))",
        "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))", "POLYGON((2 2, 8 2, 8 8, 2 8, 2 2))",
        "POLYGON((20 20, 30 20, 30 30, 20 20))",
        "POLYGON((-10 -10, 20 -10, 20 20, -10 20, -10 -10), (-5 -5, 15 -5, 15 15, -5 15, -5 -5))",
        "GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(12 12, 13 13))", "POLYGON EMPTY",
    }).map(WktReader::read).toList();

    @ParameterizedTest
    @EnumSource(SpatialFunction.class)
    void isFoundByItsFilterName(SpatialFunction function) {
        assertThat(SpatialFunction.forName(function.functionName())).contains(function);
    }

    @Test
    void knowsTheNamesOfTheSensorThingsGrammar() {
        assertThat(Arrays.stream(SpatialFunction.values()).map(SpatialFunction::functionName)).containsExactly(
                "st_equals", "st_disjoint", "st_touches", "st_within", "st_overlaps", "st_crosses", "st_intersects",
                "st_contains", "st_relate", "geo.intersects", "geo.distance", "geo.length");
        assertThat(SpatialFunction.forName("substringof")).isEmpty();
        assertThat(SpatialFunction.forName("ST_WITHIN")).as("the parser lower-cases names").isEmpty();
    }

    @Test
    void evaluatesPredicatesToBooleans() {
        assertThat(SpatialFunction.ST_WITHIN.evaluate(List.of(WktReader.read("POINT(5 5)"), SQUARE))).isEqualTo(true);
        assertThat(SpatialFunction.ST_WITHIN.evaluate(List.of(WktReader.read("POINT(0 5)"), SQUARE))).isEqualTo(false);
        assertThat(SpatialFunction.GEO_INTERSECTS.evaluate(List.of(WktReader.read("POINT(0 5)"), SQUARE)))
                .isEqualTo(true);
        assertThat(SpatialFunction.ST_RELATE.evaluate(List.of(WktReader.read("POINT(5 5)"), SQUARE, "t*f**f***")))
                .isEqualTo(true);
        assertThat(SpatialFunction.ST_TOUCHES.resultType()).isEqualTo(Boolean.class);
    }

    @Test
    void evaluatesDistanceAndLengthToDoubles() {
        assertThat(SpatialFunction.GEO_DISTANCE.evaluate(List.of(WktReader.read("POINT(13 14)"), SQUARE)))
                .isEqualTo(5.0);
        assertThat(SpatialFunction.GEO_LENGTH.evaluate(List.of(WktReader.read("LINESTRING(0 0, 3 4)"))))
                .isEqualTo(5.0);
        assertThat(SpatialFunction.GEO_DISTANCE.resultType()).isEqualTo(Double.class);
        assertThat(SpatialFunction.GEO_LENGTH.arity()).isOne();
    }

    @Test
    void givesNullForANullArgumentAndForTheDistanceOfAnEmptyGeometry() {
        assertThat(SpatialFunction.ST_WITHIN.evaluate(Arrays.asList(null, SQUARE))).isNull();
        assertThat(SpatialFunction.ST_RELATE.evaluate(Arrays.asList(SQUARE, SQUARE, null))).isNull();
        assertThat(SpatialFunction.GEO_DISTANCE.evaluate(List.of(WktReader.read("POINT EMPTY"), SQUARE))).isNull();
    }

    @Test
    void refusesWrongArguments() {
        assertThatThrownBy(() -> SpatialFunction.ST_RELATE.evaluate(List.of(SQUARE, SQUARE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("st_relate takes 3 arguments, got 2");
        assertThatThrownBy(() -> SpatialFunction.ST_WITHIN.evaluate(List.of(SQUARE, "POINT(1 1)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("st_within needs a geometry as argument 2, got String");
        assertThatThrownBy(() -> SpatialFunction.ST_RELATE.evaluate(List.of(SQUARE, SQUARE, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("st_relate needs a DE-9IM pattern string as argument 3, got Integer");
        assertThatThrownBy(() -> SpatialFunction.ST_RELATE.evaluate(List.of(SQUARE, SQUARE, "TTTT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DE-9IM pattern has 9 characters, 'TTTT' has 4");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "st_equals, null, true", "st_touches, null, true", "st_within, null, true", "st_overlaps, null, true",
        "st_crosses, null, true", "st_intersects, null, true", "st_contains, null, true",
        "geo.intersects, null, true", "st_disjoint, null, false", "geo.distance, null, false",
        "geo.length, null, false", "st_relate, null, false", "st_relate, T********, true",
        "st_relate, ****1****, true", "st_relate, FF*FF****, false", "st_relate, **T***T**, false",
    })
    void tellsWhenABoundingBoxPrefilterIsSafe(String function, String pattern, boolean expected) {
        assertThat(SpatialFunction.forName(function).orElseThrow().requiresBoundingBoxOverlap(pattern))
                .isEqualTo(expected);
    }

    /** The promise the SQL prefilter relies on, checked on every pair of a varied set of geometries. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "st_equals, null", "st_touches, null", "st_within, null", "st_overlaps, null", "st_crosses, null",
        "st_intersects, null", "st_contains, null", "geo.intersects, null", "st_relate, T********",
        "st_relate, ****0****", "st_relate, *T*******", "st_relate, ***T*****",
    })
    void whenAPrefilterIsSafeEveryMatchHasOverlappingBoxes(String name, String pattern) {
        SpatialFunction function = SpatialFunction.forName(name).orElseThrow();
        for (Geometry a : ZOO) {
            for (Geometry b : ZOO) {
                List<Object> arguments = pattern == null ? List.of(a, b) : List.of(a, b, pattern);
                boolean bothEmpty = a.isEmpty() && b.isEmpty(); // the documented st_equals exception
                if (Boolean.TRUE.equals(function.evaluate(arguments)) && !bothEmpty) {
                    assertThat(BoundingBox.of(a).intersects(BoundingBox.of(b))).as("%s(%s, %s)", name, a, b).isTrue();
                }
            }
        }
    }

    @Test
    void boxesExpandedByTheDistanceAlwaysOverlap() {
        for (Geometry a : ZOO) {
            for (Geometry b : ZOO) {
                if (SpatialFunction.GEO_DISTANCE.evaluate(List.of(a, b)) instanceof Double distance) {
                    assertThat(BoundingBox.of(a).intersects(BoundingBox.of(b).expandedBy(distance)))
                            .as("distance(%s, %s) = %s", a, b, distance).isTrue();
                }
            }
        }
    }
}
