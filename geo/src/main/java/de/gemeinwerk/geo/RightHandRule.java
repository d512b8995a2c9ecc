package de.gemeinwerk.geo;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * RFC 7946 section 3.1.6: a polygon's exterior ring is counterclockwise, its holes clockwise. Stored geometries keep
 * the winding they were posted with (parsers must accept either), so a writer that promises RFC 7946 output orients
 * them with this. Other geometry types are returned as they are.
 */
public final class RightHandRule {

    private RightHandRule() {}

    public static Geometry orient(Geometry geometry) {
        GeometryFactory factory = geometry.getFactory();
        return switch (geometry) {
            case Polygon polygon -> orient(polygon);
            case MultiPolygon polygons -> factory.createMultiPolygon(parts(polygons, Polygon[]::new));
            case GeometryCollection collection when collection.getClass() == GeometryCollection.class ->
                    factory.createGeometryCollection(parts(collection, Geometry[]::new));
            default -> geometry;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Geometry> T[] parts(Geometry multi, java.util.function.IntFunction<T[]> array) {
        T[] parts = array.apply(multi.getNumGeometries());
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (T) orient(multi.getGeometryN(i));
        }
        return parts;
    }

    private static Polygon orient(Polygon polygon) {
        if (polygon.isEmpty()) {
            return polygon;
        }
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = wound(polygon.getInteriorRingN(i), false);
        }
        return polygon.getFactory().createPolygon(wound(polygon.getExteriorRing(), true), holes);
    }

    private static LinearRing wound(LinearRing ring, boolean counterclockwise) {
        return Orientation.isCCW(ring.getCoordinateSequence()) == counterclockwise ? ring : ring.reverse();
    }
}
