package de.gemeinwerk.geo;

import static de.gemeinwerk.geo.GeometryAssembly.FACTORY;

import java.util.Locale;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON geometry (RFC 7946: Point, MultiPoint, LineString, MultiLineString, Polygon,
 * MultiPolygon, GeometryCollection) or a Feature (its geometry) into a JTS geometry.
 *
 * <p>Validation is strict, because what is accepted here is stored and later compared: type names are
 * case-sensitive, positions have 2 or 3 finite numbers, line strings at least 2 positions, linear rings
 * at least 4 and are closed. An empty {@code coordinates} (or {@code geometries}) array is read as an
 * empty geometry, as RFC 7946 section 3.1 permits. Members not needed (bbox, crs, properties, foreign
 * members) are ignored. Errors are {@link GeometryFormatException}s with the path of the offending
 * value. Ring orientation is not checked: RFC 7946 tells parsers not to reject by winding order.
 *
 * <p>Points are on the ingestion path of every Observation's FeatureOfInterest, so the point case does
 * no more than look up two members and allocate the JTS objects.
 */
public final class GeoJsonReader {

    private static final String EXPECTED_TYPES =
            "Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection, Feature";

    private GeoJsonReader() {}

    /** Parses {@code json} and reads it like {@link #read(JsonNode)}. */
    public static Geometry read(String json) {
        JsonNode node;
        try {
            node = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new GeometryFormatException("not valid JSON" + at + ": " + e.getOriginalMessage());
        }
        return read(node);
    }

    /** Reads a GeoJSON geometry object, or a Feature whose geometry is then returned. */
    public static Geometry read(JsonNode node) {
        String type = type(node);
        if (!type.equals("Feature")) {
            return geometry(node, type);
        }
        JsonNode geometry = node.get("geometry");
        try {
            if (geometry == null || geometry.isNull()) {
                throw new GeometryFormatException("a Feature must have a geometry to be used as a location");
            }
            return memberGeometry(geometry);
        } catch (GeometryFormatException e) {
            throw e.under("geometry");
        }
    }

    private static String type(JsonNode node) {
        if (!node.isObject()) {
            throw new GeometryFormatException("a GeoJSON object must be a JSON object, found " + kind(node));
        }
        JsonNode type = node.get("type");
        if (type == null) {
            throw new GeometryFormatException("the member is missing").under("type");
        }
        if (!type.isString()) {
            throw new GeometryFormatException("must be a string, found " + kind(type)).under("type");
        }
        return type.stringValue();
    }

    /** A geometry inside a Feature or a GeometryCollection, where RFC 7946 allows no Feature. */
    private static Geometry memberGeometry(JsonNode node) {
        String type = type(node);
        if (type.equals("Feature")) {
            throw new GeometryFormatException("a Feature is not allowed here, only a geometry").under("type");
        }
        return geometry(node, type);
    }

    private static Geometry geometry(JsonNode node, String type) {
        // method references without captured state are constants: the point case allocates nothing extra
        return switch (type) {
            case "Point" -> fromCoordinates(node, GeoJsonReader::point);
            case "MultiPoint" -> fromCoordinates(node, GeoJsonReader::multiPoint);
            case "LineString" -> fromCoordinates(node, GeoJsonReader::lineString);
            case "MultiLineString" -> fromCoordinates(node, GeoJsonReader::multiLineString);
            case "Polygon" -> fromCoordinates(node, GeoJsonReader::polygon);
            case "MultiPolygon" -> fromCoordinates(node, GeoJsonReader::multiPolygon);
            case "GeometryCollection" -> collection(member(node, "geometries"));
            default -> throw new GeometryFormatException(
                    "unknown GeoJSON type '" + type + "', expected one of " + EXPECTED_TYPES).under("type");
        };
    }

    private static Geometry fromCoordinates(JsonNode node, Function<JsonNode, Geometry> reader) {
        JsonNode coordinates = member(node, "coordinates");
        try {
            return reader.apply(coordinates);
        } catch (GeometryFormatException e) {
            throw e.under("coordinates");
        }
    }

    private static JsonNode member(JsonNode object, String name) {
        JsonNode member = object.get(name);
        if (member == null) {
            throw new GeometryFormatException("the member is missing").under(name);
        }
        return member;
    }

    private static Point point(JsonNode coordinates) {
        if (coordinates.isArray() && coordinates.isEmpty()) {
            return FACTORY.createPoint();
        }
        return FACTORY.createPoint(position(coordinates));
    }

    private static Coordinate position(JsonNode position) {
        if (!position.isArray()) {
            throw new GeometryFormatException("a position must be an array of 2 or 3 numbers, found " + kind(position));
        }
        int size = position.size();
        if (size != 2 && size != 3) {
            throw new GeometryFormatException("a position must have 2 or 3 numbers, found " + size);
        }
        double x = number(position, 0);
        double y = number(position, 1);
        return new Coordinate(x, y, size == 3 ? number(position, 2) : Coordinate.NULL_ORDINATE);
    }

    private static double number(JsonNode position, int index) {
        JsonNode value = position.get(index);
        try {
            if (!value.isNumber()) {
                throw new GeometryFormatException("a coordinate must be a number, found " + kind(value));
            }
            return GeometryAssembly.finiteCoordinate(value.doubleValue());
        } catch (GeometryFormatException e) {
            throw e.under(index);
        }
    }

    private static Coordinate[] positions(JsonNode array) {
        requireArray(array, "positions");
        Coordinate[] positions = new Coordinate[array.size()];
        for (int i = 0; i < positions.length; i++) {
            try {
                positions[i] = position(array.get(i));
            } catch (GeometryFormatException e) {
                throw e.under(i);
            }
        }
        return positions;
    }

    private static Geometry multiPoint(JsonNode array) {
        Coordinate[] positions = positions(array);
        Point[] points = new Point[positions.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = FACTORY.createPoint(positions[i]);
        }
        return FACTORY.createMultiPoint(points);
    }

    private static LineString lineString(JsonNode array) {
        return GeometryAssembly.lineString(positions(array));
    }

    private static Geometry multiLineString(JsonNode array) {
        requireArray(array, "line strings");
        LineString[] lines = new LineString[array.size()];
        for (int i = 0; i < lines.length; i++) {
            try {
                lines[i] = lineString(array.get(i));
            } catch (GeometryFormatException e) {
                throw e.under(i);
            }
        }
        return FACTORY.createMultiLineString(lines);
    }

    private static Polygon polygon(JsonNode array) {
        requireArray(array, "linear rings");
        if (array.isEmpty()) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = ring(array, 0);
        LinearRing[] holes = new LinearRing[array.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(array, i + 1);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode rings, int index) {
        try {
            return GeometryAssembly.linearRing(positions(rings.get(index)));
        } catch (GeometryFormatException e) {
            throw e.under(index);
        }
    }

    private static Geometry multiPolygon(JsonNode array) {
        requireArray(array, "polygons");
        Polygon[] polygons = new Polygon[array.size()];
        for (int i = 0; i < polygons.length; i++) {
            try {
                polygons[i] = polygon(array.get(i));
            } catch (GeometryFormatException e) {
                throw e.under(i);
            }
        }
        return FACTORY.createMultiPolygon(polygons);
    }

    private static Geometry collection(JsonNode array) {
        try {
            requireArray(array, "geometries");
            Geometry[] members = new Geometry[array.size()];
            for (int i = 0; i < members.length; i++) {
                try {
                    members[i] = memberGeometry(array.get(i));
                } catch (GeometryFormatException e) {
                    throw e.under(i);
                }
            }
            return FACTORY.createGeometryCollection(members);
        } catch (GeometryFormatException e) {
            throw e.under("geometries");
        }
    }

    private static void requireArray(JsonNode node, String ofWhat) {
        if (!node.isArray()) {
            throw new GeometryFormatException("must be an array of " + ofWhat + ", found " + kind(node));
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
