package de.gemeinwerk.geo;

import static de.gemeinwerk.geo.GeometryAssembly.FACTORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the WKT text of a $filter literal, i.e. what stands between the quotes of
 * {@code geography'POINT(-117.123 54.123)'} or {@code geometry'POLYGON((...))'}.
 *
 * <p>Accepted: POINT, LINESTRING, POLYGON, MULTIPOINT (with or without parentheses around each point),
 * MULTILINESTRING, MULTIPOLYGON and GEOMETRYCOLLECTION, case-insensitive; EMPTY; 2 or 3 coordinates per
 * position, with an optional Z tag that then requires 3; an optional {@code SRID=4326;} prefix as in
 * PostGIS's EWKT. Other SRIDs are refused rather than ignored, since stored locations are WGS 84
 * (RFC 7946) and comparing with other coordinates would silently give wrong answers. M coordinates are
 * refused because GeoJSON cannot hold them. The same rules as for GeoJSON apply (finite numbers, line
 * strings of 2+ positions, closed rings of 4+ positions), and unlike JTS's WKTReader nothing may follow
 * the geometry. A geography literal is read like a geometry: every function here is planar, as in
 * FROST-Server.
 */
public final class WktReader {

    private static final Set<String> TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final String SUPPORTED_SRID = "4326";

    private final WktScanner scanner;

    private WktReader(String text) {
        this.scanner = new WktScanner(text);
    }

    public static Geometry read(String text) {
        return new WktReader(text).literal();
    }

    private Geometry literal() {
        String word = scanner.word();
        if (word.equals("SRID")) {
            scanner.expect('=');
            int start = scanner.here();
            String srid = scanner.digits();
            if (srid.isEmpty()) {
                throw scanner.error("expected the SRID number");
            }
            if (!srid.equals(SUPPORTED_SRID)) {
                throw scanner.at(start, "SRID " + srid + " is not supported, locations are WGS 84 (SRID=4326)");
            }
            scanner.expect(';');
            word = scanner.word();
        }
        Geometry geometry = taggedGeometry(word);
        scanner.expectEnd();
        return geometry;
    }

    /** The rest of a geometry whose type word has just been read. */
    private Geometry taggedGeometry(String type) {
        if (type.isEmpty()) {
            throw scanner.error("expected a geometry type such as POINT or POLYGON");
        }
        if (!TYPES.contains(type)) {
            throw scanner.wordError("unknown or unsupported geometry type " + type + ", expected one of "
                    + "POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION");
        }
        String word = scanner.word();
        boolean z = word.equals("Z");
        if (z) {
            word = scanner.word();
        }
        if (word.equals("M") || word.equals("ZM")) {
            throw scanner.wordError("M (measure) coordinates are not supported");
        }
        if (word.equals("EMPTY")) {
            return empty(type);
        }
        if (!word.isEmpty()) {
            throw scanner.wordError("expected '(', Z or EMPTY after " + type + ", found " + word);
        }
        return switch (type) {
            case "POINT" -> point(z);
            case "LINESTRING" -> lineString(z);
            case "POLYGON" -> polygon(z);
            case "MULTIPOINT" -> multiPoint(z);
            case "MULTILINESTRING" -> FACTORY.createMultiLineString(list(() -> lineString(z)).toArray(LineString[]::new));
            case "MULTIPOLYGON" -> FACTORY.createMultiPolygon(list(() -> polygon(z)).toArray(Polygon[]::new));
            default -> FACTORY.createGeometryCollection(
                    list(() -> taggedGeometry(scanner.word())).toArray(Geometry[]::new));
        };
    }

    private static Geometry empty(String type) {
        return switch (type) {
            case "POINT" -> FACTORY.createPoint();
            case "LINESTRING" -> FACTORY.createLineString();
            case "POLYGON" -> FACTORY.createPolygon();
            case "MULTIPOINT" -> FACTORY.createMultiPoint();
            case "MULTILINESTRING" -> FACTORY.createMultiLineString();
            case "MULTIPOLYGON" -> FACTORY.createMultiPolygon();
            default -> FACTORY.createGeometryCollection();
        };
    }

    private Point point(boolean z) {
        scanner.expect('(');
        Coordinate position = position(z);
        scanner.expect(')');
        return FACTORY.createPoint(position);
    }

    /** MULTIPOINT((1 2), (3 4)) as the standard writes it, or MULTIPOINT(1 2, 3 4) as many tools do. */
    private Geometry multiPoint(boolean z) {
        List<Point> points = list(() -> scanner.atNumber() ? FACTORY.createPoint(position(z)) : point(z));
        return FACTORY.createMultiPoint(points.toArray(Point[]::new));
    }

    private LineString lineString(boolean z) {
        int start = scanner.here();
        Coordinate[] positions = positions(z);
        try {
            return GeometryAssembly.lineString(positions);
        } catch (GeometryFormatException e) {
            throw scanner.at(start, e.problem());
        }
    }

    private Polygon polygon(boolean z) {
        List<LinearRing> rings = list(() -> ring(z));
        return FACTORY.createPolygon(rings.getFirst(), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    private LinearRing ring(boolean z) {
        int start = scanner.here();
        Coordinate[] positions = positions(z);
        try {
            return GeometryAssembly.linearRing(positions);
        } catch (GeometryFormatException e) {
            throw scanner.at(start, e.problem());
        }
    }

    private Coordinate[] positions(boolean z) {
        return list(() -> position(z)).toArray(Coordinate[]::new);
    }

    private Coordinate position(boolean z) {
        double x = scanner.number();
        double y = scanner.number();
        if (!scanner.atNumber()) {
            if (z) {
                throw scanner.error("expected the z coordinate of a Z geometry");
            }
            return new Coordinate(x, y);
        }
        Coordinate position = new Coordinate(x, y, scanner.number());
        if (scanner.atNumber()) {
            throw scanner.error("a position has 2 or 3 coordinates, expected ',' or ')'");
        }
        return position;
    }

    /** A parenthesized, comma-separated, non-empty list of items. */
    private <T> List<T> list(Supplier<T> item) {
        scanner.expect('(');
        List<T> items = new ArrayList<>();
        do {
            items.add(item.get());
        } while (scanner.accept(','));
        if (!scanner.accept(')')) {
            throw scanner.error("expected ',' or ')'");
        }
        return items;
    }
}
