package de.gemeinwerk.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;

/**
 * The geospatial functions of the SensorThings $filter grammar, looked up by the name the grammar uses,
 * so that a compiled {@code FunctionCall} can be evaluated and prefiltered without a switch of its own.
 */
public enum SpatialFunction {

    ST_EQUALS("st_equals", 2, Boolean.class),
    ST_DISJOINT("st_disjoint", 2, Boolean.class),
    ST_TOUCHES("st_touches", 2, Boolean.class),
    ST_WITHIN("st_within", 2, Boolean.class),
    ST_OVERLAPS("st_overlaps", 2, Boolean.class),
    ST_CROSSES("st_crosses", 2, Boolean.class),
    ST_INTERSECTS("st_intersects", 2, Boolean.class),
    ST_CONTAINS("st_contains", 2, Boolean.class),
    /** st_relate(g1, g2, pattern); the pattern is a String. */
    ST_RELATE("st_relate", 3, Boolean.class),
    GEO_INTERSECTS("geo.intersects", 2, Boolean.class),
    GEO_DISTANCE("geo.distance", 2, Double.class),
    GEO_LENGTH("geo.length", 1, Double.class);

    private static final Map<String, SpatialFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SpatialFunction::functionName, Function.identity()));

    private final String functionName;
    private final int arity;
    private final Class<?> resultType;

    SpatialFunction(String functionName, int arity, Class<?> resultType) {
        this.functionName = functionName;
        this.arity = arity;
        this.resultType = resultType;
    }

    /** The function with this $filter name (lower-case, e.g. "st_within", "geo.distance"), if it is a spatial one. */
    public static Optional<SpatialFunction> forName(String functionName) {
        return Optional.ofNullable(BY_NAME.get(functionName));
    }

    public String functionName() {
        return functionName;
    }

    public int arity() {
        return arity;
    }

    /** Boolean for the predicates, Double for geo.distance and geo.length. */
    public Class<?> resultType() {
        return resultType;
    }

    /**
     * Evaluates the function on its arguments in $filter order: geometries, and for st_relate the DE-9IM
     * pattern as third argument. Like the SQL functions, a null argument gives null; so does geo.distance
     * with an empty geometry. Otherwise the result is a {@link #resultType()}.
     *
     * @throws IllegalArgumentException for a wrong number or type of arguments or an invalid pattern
     */
    public Object evaluate(List<?> arguments) {
        if (arguments.size() != arity) {
            throw new IllegalArgumentException(
                    functionName + " takes " + arity + " arguments, got " + arguments.size());
        }
        for (Object argument : arguments) {
            if (argument == null) {
                return null;
            }
        }
        Geometry a = geometry(arguments, 0);
        return switch (this) {
            case ST_EQUALS -> SpatialPredicates.equal(a, geometry(arguments, 1));
            case ST_DISJOINT -> SpatialPredicates.disjoint(a, geometry(arguments, 1));
            case ST_TOUCHES -> SpatialPredicates.touches(a, geometry(arguments, 1));
            case ST_WITHIN -> SpatialPredicates.within(a, geometry(arguments, 1));
            case ST_OVERLAPS -> SpatialPredicates.overlaps(a, geometry(arguments, 1));
            case ST_CROSSES -> SpatialPredicates.crosses(a, geometry(arguments, 1));
            case ST_INTERSECTS, GEO_INTERSECTS -> SpatialPredicates.intersects(a, geometry(arguments, 1));
            case ST_CONTAINS -> SpatialPredicates.contains(a, geometry(arguments, 1));
            case ST_RELATE -> SpatialPredicates.relate(a, geometry(arguments, 1), pattern(arguments));
            case GEO_DISTANCE -> {
                OptionalDouble distance = SpatialPredicates.distance(a, geometry(arguments, 1));
                yield distance.isPresent() ? distance.getAsDouble() : null;
            }
            case GEO_LENGTH -> SpatialPredicates.length(a);
        };
    }

    /**
     * Whether the function can only be true when the bounding boxes of its two geometries intersect, so
     * that SQL may prefilter on the box columns. True for st_equals, st_touches, st_within, st_overlaps,
     * st_crosses, st_intersects, st_contains and geo.intersects; for st_relate only if the pattern
     * {@link De9imPattern#requiresIntersection() requires an interior or boundary intersection} (a null,
     * i.e. not constant, pattern gives false); false for st_disjoint, geo.distance (prefilter with
     * {@link BoundingBox#expandedBy} instead) and geo.length.
     *
     * <p>One exception to st_equals: two empty geometries are equal (as in PostGIS) although an empty box
     * intersects nothing. When the literal compared with is empty, do not prefilter.
     *
     * @throws IllegalArgumentException if {@code patternOrNull} is not a valid DE-9IM pattern
     */
    public boolean requiresBoundingBoxOverlap(String patternOrNull) {
        return switch (this) {
            case ST_DISJOINT, GEO_DISTANCE, GEO_LENGTH -> false;
            case ST_RELATE -> patternOrNull != null && new De9imPattern(patternOrNull).requiresIntersection();
            default -> true;
        };
    }

    private Geometry geometry(List<?> arguments, int index) {
        if (arguments.get(index) instanceof Geometry geometry) {
            return geometry;
        }
        throw new IllegalArgumentException(functionName + " needs a geometry as argument " + (index + 1)
                + ", got " + arguments.get(index).getClass().getSimpleName());
    }

    private String pattern(List<?> arguments) {
        if (arguments.get(2) instanceof String pattern) {
            return pattern;
        }
        throw new IllegalArgumentException(
                "st_relate needs a DE-9IM pattern string as argument 3, got " + arguments.get(2).getClass().getSimpleName());
    }
}
