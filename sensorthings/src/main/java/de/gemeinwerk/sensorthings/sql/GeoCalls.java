package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;

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
        return find(filter, List.of(), root, false);
    }

    /**
     * The geospatial calls of a $filter and of $orderby keys (the filter may be null), named by the parts
     * the statements are compiled with: "$filter" and "$orderby", or "$expand" for options nested in $expand.
     */
    public static List<GeoCall> find(Expr filter, List<QueryOptions.OrderBy> orderBy, EntityType root, boolean inExpand) {
        List<GeoCall> calls = new ArrayList<>();
        GeoResults recording = call -> {
            calls.add(call);
            return call.isPredicate() ? new GeoResult.Constant(true) : new GeoResult.Constant(0.0);
        };
        if (filter != null) {
            new FilterCompiler(inExpand ? "$expand" : "$filter", recording)
                    .condition(filter, new Scope(root, "e", new Scope.Aliases()));
        }
        FilterCompiler order = new FilterCompiler(inExpand ? "$expand" : "$orderby", recording);
        Scope scope = new Scope(root, "e", new Scope.Aliases());
        for (QueryOptions.OrderBy key : orderBy) {
            order.orderKeys(key.expression(), scope);
        }
        return calls;
    }
}
