package de.gemeinwerk.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a JTS geometry as a GeoJSON geometry object. A position gets a third number exactly when its z
 * is set, so 3D locations survive a round trip through {@link GeoJsonReader}; an empty geometry gets an
 * empty {@code coordinates} (or {@code geometries}) array, which the reader reads back as empty. Rings
 * are written in the order given: PostGIS's ST_AsGeoJSON does not reorient them either.
 */
public final class GeoJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJsonWriter() {}

    public static String toJsonString(Geometry geometry) {
        return JsonMapper.shared().writeValueAsString(toJson(geometry));
    }

    public static ObjectNode toJson(Geometry geometry) {
        ObjectNode json = NODES.objectNode();
        json.put("type", typeName(geometry));
        switch (geometry) {
            case Point point -> {
                ArrayNode position = json.putArray("coordinates");
                if (!point.isEmpty()) {
                    addPosition(position, point.getCoordinateSequence(), 0);
                }
            }
            case LineString line -> addPositions(json.putArray("coordinates"), line.getCoordinateSequence());
            case Polygon polygon -> addRings(json.putArray("coordinates"), polygon);
            case MultiPoint points -> {
                ArrayNode coordinates = json.putArray("coordinates");
                for (int i = 0; i < points.getNumGeometries(); i++) {
                    addPosition(coordinates.addArray(), ((Point) points.getGeometryN(i)).getCoordinateSequence(), 0);
                }
            }
            case MultiLineString lines -> {
                ArrayNode coordinates = json.putArray("coordinates");
                for (int i = 0; i < lines.getNumGeometries(); i++) {
                    addPositions(coordinates.addArray(), ((LineString) lines.getGeometryN(i)).getCoordinateSequence());
                }
            }
            case MultiPolygon polygons -> {
                ArrayNode coordinates = json.putArray("coordinates");
                for (int i = 0; i < polygons.getNumGeometries(); i++) {
                    addRings(coordinates.addArray(), (Polygon) polygons.getGeometryN(i));
                }
            }
            case GeometryCollection collection -> {
                ArrayNode geometries = json.putArray("geometries");
                for (int i = 0; i < collection.getNumGeometries(); i++) {
                    geometries.add(toJson(collection.getGeometryN(i)));
                }
            }
            default -> throw new IllegalArgumentException("GeoJSON has no type for " + geometry.getGeometryType());
        }
        return json;
    }

    private static String typeName(Geometry geometry) {
        // JTS names its types like GeoJSON does, except that a LinearRing is, in GeoJSON, a LineString
        String name = geometry.getGeometryType();
        return name.equals(Geometry.TYPENAME_LINEARRING) ? Geometry.TYPENAME_LINESTRING : name;
    }

    private static void addRings(ArrayNode rings, Polygon polygon) {
        if (polygon.isEmpty()) {
            return;
        }
        addPositions(rings.addArray(), polygon.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            addPositions(rings.addArray(), polygon.getInteriorRingN(i).getCoordinateSequence());
        }
    }

    private static void addPositions(ArrayNode positions, CoordinateSequence sequence) {
        for (int i = 0; i < sequence.size(); i++) {
            addPosition(positions.addArray(), sequence, i);
        }
    }

    private static void addPosition(ArrayNode position, CoordinateSequence sequence, int index) {
        position.add(sequence.getX(index)).add(sequence.getY(index));
        double z = sequence.getZ(index);
        if (!Double.isNaN(z)) {
            position.add(z);
        }
    }
}
