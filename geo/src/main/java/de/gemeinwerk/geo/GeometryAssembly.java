package de.gemeinwerk.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;

/**
 * The rules both readers (GeoJSON and WKT) enforce while building JTS geometries, kept in one place so
 * that a location is accepted or refused the same way whichever way it arrives. JTS itself accepts
 * rings of three positions, which PostGIS and RFC 7946 refuse, and non-finite coordinates.
 */
final class GeometryAssembly {

    /**
     * One factory for all geometries: floating precision, SRID left at 0 because every function here is
     * planar and ignores it. Coordinates are {@link Coordinate}s (x, y, z) with z = NaN for 2D positions,
     * so that a 3D position keeps its z and a 2D one stays 2D when written back.
     */
    static final GeometryFactory FACTORY = new GeometryFactory();

    private GeometryAssembly() {}

    static double finiteCoordinate(double value) {
        if (!Double.isFinite(value)) {
            throw new GeometryFormatException("a coordinate must be a finite number, found " + value);
        }
        return value;
    }

    /** A line string of 0 (empty) or at least 2 positions. */
    static LineString lineString(Coordinate[] positions) {
        if (positions.length == 1) {
            throw new GeometryFormatException("a LineString needs at least 2 positions, found 1");
        }
        return FACTORY.createLineString(positions);
    }

    /**
     * A closed ring of at least 4 positions; "closed" means first and last position are identical,
     * including z, as RFC 7946 section 3.1.6 demands.
     */
    static LinearRing linearRing(Coordinate[] positions) {
        if (positions.length < 4) {
            throw new GeometryFormatException(
                    "a linear ring needs at least 4 positions, found " + positions.length);
        }
        int last = positions.length - 1;
        if (!identical(positions[0], positions[last])) {
            throw new GeometryFormatException(
                    "a linear ring must be closed: its last position must equal its first").under(last);
        }
        return FACTORY.createLinearRing(positions);
    }

    private static boolean identical(Coordinate a, Coordinate b) {
        // z is NaN for a 2D position; NaN == NaN is false, hence the explicit test
        boolean sameZ = a.getZ() == b.getZ() || (Double.isNaN(a.getZ()) && Double.isNaN(b.getZ()));
        return a.getX() == b.getX() && a.getY() == b.getY() && sameZ;
    }
}
