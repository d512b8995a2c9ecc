package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.geo.BoundingBox;
import de.gemeinwerk.geo.De9imPattern;
import de.gemeinwerk.geo.GeoJsonReader;
import de.gemeinwerk.geo.GeometryFormatException;
import de.gemeinwerk.geo.SpatialFunction;
import de.gemeinwerk.geo.WktReader;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.sql.GeoCall;
import de.gemeinwerk.sensorthings.sql.GeoCalls;
import de.gemeinwerk.sensorthings.sql.GeoResult;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import org.locationtech.jts.geom.Geometry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides geospatial filter functions in Java (JTS, module geo), so no PostGIS is needed. For each call
 * it reads the tenant's owners of the tested geometry property — only those whose bounding box overlaps
 * the literal's when the predicate requires overlap — and evaluates the function per owner.
 */
public final class GeoFilterEvaluator implements GeoEvaluator {

    @Override
    public GeoResults prepare(Connection connection, QueryOptions options, EntityType root, long tenantId,
                              boolean inExpand) throws SQLException {
        List<GeoCall> calls = GeoCalls.find(options.filter(), options.orderBy(), root, inExpand);
        if (calls.isEmpty()) {
            return GeoResults.NONE;
        }
        Map<GeoCall, GeoResult> results = new HashMap<>();
        for (GeoCall call : calls) {
            results.put(call, evaluate(connection, call, tenantId));
        }
        return results::get;
    }

    private static GeoResult evaluate(Connection connection, GeoCall call, long tenantId) throws SQLException {
        SpatialFunction function = SpatialFunction.forName(call.call().name()).orElseThrow(
                () -> error(call, "unknown geospatial function '" + call.call().name() + "'"));
        List<Geometry> arguments = new ArrayList<>();
        for (String wkt : call.literals()) {
            arguments.add(wkt == null ? null : parse(call, wkt));
        }
        List<Object> functionArguments = new ArrayList<>(arguments);
        if (call.pattern() != null) {
            try {
                functionArguments.add(new De9imPattern(call.pattern()).value());
            } catch (IllegalArgumentException e) {
                throw error(call, e.getMessage());
            }
        }
        int propertyIndex = arguments.indexOf(null);
        if (call.owner() == null) {
            return new GeoResult.Constant(function.evaluate(functionArguments));
        }
        Geometry literal = arguments.stream().filter(g -> g != null).findFirst().orElse(null);
        boolean prefilter = literal != null && !literal.isEmpty() && function.requiresBoundingBoxOverlap(call.pattern());
        String column = call.property().column();
        String sql = "select id, " + column + "::text from " + call.owner().table() + " where tenant_id = ? and " + column
                + " is not null" + (prefilter ? " and max_x >= ? and min_x <= ? and max_y >= ? and min_y <= ?" : "");
        List<Long> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, tenantId);
            if (prefilter) {
                BoundingBox box = BoundingBox.of(literal);
                statement.setDouble(2, box.minX());
                statement.setDouble(3, box.maxX());
                statement.setDouble(4, box.minY());
                statement.setDouble(5, box.maxY());
            }
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    functionArguments.set(propertyIndex, GeoJsonReader.read(rs.getString(2)));
                    Object value = function.evaluate(functionArguments);
                    if (value instanceof Boolean matches && matches) {
                        ids.add(rs.getLong(1));
                    } else if (value instanceof Double number) {
                        ids.add(rs.getLong(1));
                        values.add(number);
                    }
                }
            }
        }
        long[] ownerIds = ids.stream().mapToLong(Long::longValue).toArray();
        return call.isPredicate() ? new GeoResult.Matching(ownerIds)
                : new GeoResult.Values(ownerIds, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Geometry parse(GeoCall call, String wkt) {
        try {
            return WktReader.read(wkt);
        } catch (GeometryFormatException e) {
            throw error(call, e.getMessage());
        }
    }

    private static ApiException error(GeoCall call, String message) {
        return ApiException.badRequest(call.call().name() + "(): " + message,
                call.part() + " at position " + call.call().position());
    }

}
