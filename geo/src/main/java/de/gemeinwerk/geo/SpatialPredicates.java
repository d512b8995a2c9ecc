package de.gemeinwerk.geo;

import java.util.OptionalDouble;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * The spatial functions of SensorThings $filter with the semantics of PostGIS's planar {@code geometry}
 * functions (which FROST-Server calls): DE-9IM predicates on the x/y coordinates as given, z ignored;
 * distance and length in coordinate units.
 *
 * <p>Predicates use JTS's RelateNG, the algorithm GEOS 3.13 (and so current PostGIS) uses; unlike the
 * classic {@code Geometry.within} etc. it accepts GeometryCollections, as PostGIS does.
 *
 * <p>Each method says whether "the bounding boxes intersect" is a <em>necessary</em> condition, i.e.
 * whether a {@link BoundingBox} overlap may be used to discard rows before calling it.
 * {@link SpatialFunction#requiresBoundingBoxOverlap(String)} gives the same answer by function name.
 */
public final class SpatialPredicates {

    private SpatialPredicates() {}

    /**
     * ST_Equals: the same point set, regardless of vertex order, direction or repeated vertices. Two empty
     * geometries are equal, as in PostGIS (JTS alone says they are not). Box overlap is necessary, except
     * for that empty-equals-empty case: equal non-empty geometries have identical boxes.
     */
    public static boolean equal(Geometry a, Geometry b) {
        if (a.isEmpty() && b.isEmpty()) {
            return true;
        }
        return RelateNG.relate(a, b, RelatePredicate.equalsTopo());
    }

    /** ST_Disjoint: no point in common. True for an empty argument. Box overlap is not necessary (this is the complement of intersects). */
    public static boolean disjoint(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.disjoint());
    }

    /** ST_Touches: at least one boundary point in common, but no interior point. Box overlap is necessary. */
    public static boolean touches(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.touches());
    }

    /**
     * ST_Within: no point of {@code a} outside {@code b} and at least one interior point in common. So a
     * point on a polygon's boundary is not within it, and a point in a polygon's hole is not within it.
     * Box overlap is necessary.
     */
    public static boolean within(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.within());
    }

    /**
     * ST_Overlaps: same dimension, interiors intersect, and each has points outside the other. Box overlap
     * is necessary.
     */
    public static boolean overlaps(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.overlaps());
    }

    /**
     * ST_Crosses: interiors intersect in a geometry of lower dimension than the larger input, and neither
     * contains the other (e.g. a line passing through a polygon, two lines crossing in a point). Box
     * overlap is necessary.
     */
    public static boolean crosses(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.crosses());
    }

    /** ST_Intersects (and geo.intersects): at least one point in common, boundary included. Box overlap is necessary. */
    public static boolean intersects(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.intersects());
    }

    /** ST_Contains: {@code b} within {@code a}. Box overlap is necessary. */
    public static boolean contains(Geometry a, Geometry b) {
        return RelateNG.relate(a, b, RelatePredicate.contains());
    }

    /**
     * ST_Relate(a, b, pattern): whether the DE-9IM matrix of a and b matches {@code pattern}. Box overlap
     * is necessary only if {@link De9imPattern#requiresIntersection()}.
     *
     * @throws IllegalArgumentException if {@code pattern} is not a valid DE-9IM pattern
     */
    public static boolean relate(Geometry a, Geometry b, String pattern) {
        return RelateNG.relate(a, b, new De9imPattern(pattern).value());
    }

    /**
     * ST_Distance (geo.distance): the smallest planar distance, 0 if the geometries intersect; empty if
     * either is empty, where PostGIS returns NULL. Box overlap is not necessary; instead
     * distance ≤ d implies that the boxes intersect once one is {@link BoundingBox#expandedBy expanded by} d.
     */
    public static OptionalDouble distance(Geometry a, Geometry b) {
        if (a.isEmpty() || b.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.distance(b));
    }

    /**
     * ST_Length (geo.length): the 2D length of the linear parts. Like PostGIS, and unlike JTS's
     * {@code getLength()}, a polygon counts 0, not its perimeter; points count 0; collections add up their
     * members. Takes one geometry, so box overlap does not apply.
     */
    public static double length(Geometry geometry) {
        if (geometry instanceof LineString line) {
            return line.getLength();
        }
        if (geometry instanceof GeometryCollection collection) {
            double length = 0;
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                length += length(collection.getGeometryN(i));
            }
            return length;
        }
        return 0;
    }
}
