package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;
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

    // the SQL compiled here only records the calls and is thrown away, so whose rows it would read does not matter
    private static final ReadScope ONLY_RECORDING = ReadScope.all(0);

    public static List<GeoCall> find(Expr filter, EntityType root) {
        return find(filter, List.of(), root, false);
    }

    /**
     * The geospatial calls of a $filter and of $orderby keys (the filter may be null), named by the parts
     * the statements are compiled with: "$filter" and "$orderby", or "$expand" for options nested in $expand.
     */
    public static List<GeoCall> find(Expr filter, List<QueryOptions.OrderBy> orderBy, EntityType root, boolean inExpand) {
        // Most queries have no spatial function: a walk over the tree spares them a second compilation.
        if (!mentionsGeometry(filter) && orderBy.stream().noneMatch(key -> mentionsGeometry(key.expression()))) {
            return List.of();
        }
        List<GeoCall> calls = new ArrayList<>();
        GeoResults recording = call -> {
            calls.add(call);
            return call.isPredicate() ? new GeoResult.Constant(true) : new GeoResult.Constant(0.0);
        };
        if (filter != null) {
            new FilterCompiler(inExpand ? "$expand" : "$filter", recording)
                    .condition(filter, Scope.root(root, "e", ONLY_RECORDING));
        }
        FilterCompiler order = new FilterCompiler(inExpand ? "$expand" : "$orderby", recording);
        Scope scope = Scope.root(root, "e", ONLY_RECORDING);
        for (QueryOptions.OrderBy key : orderBy) {
            order.orderKeys(key.expression(), scope);
        }
        return calls;
    }

    private static boolean mentionsGeometry(Expr expr) {
        return switch (expr) {
            case null -> false;
            case FunctionCall call -> call.name().startsWith("st_") || call.name().startsWith("geo.")
                    || call.arguments().stream().anyMatch(GeoCalls::mentionsGeometry);
            case BinaryExpr binary -> mentionsGeometry(binary.left()) || mentionsGeometry(binary.right());
            case UnaryExpr unary -> mentionsGeometry(unary.operand());
            case InExpr in -> mentionsGeometry(in.left()) || in.values().stream().anyMatch(GeoCalls::mentionsGeometry);
            case LambdaExpr lambda -> mentionsGeometry(lambda.predicate());
            case Literal literal -> false;
            case PropertyPath path -> false;
        };
    }
}
