package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.filter.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the geospatial calls of a filter, resolved to the geometry property they test. It compiles the
 * filter once with placeholder results — the compiler already knows how to resolve paths, lambda
 * variables and navigation, so nothing of that is written twice.
 */
public final class GeoCalls {

    private GeoCalls() {}

    public static List<GeoCall> find(Expr filter, EntityType root) {
        List<GeoCall> calls = new ArrayList<>();
        GeoResults recording = call -> {
            calls.add(call);
            return call.isPredicate() ? new GeoResult.Constant(true) : new GeoResult.Constant(0.0);
        };
        new FilterCompiler("$filter", recording).condition(filter, new Scope(root, "e", new Scope.Aliases()));
        return calls;
    }
}
