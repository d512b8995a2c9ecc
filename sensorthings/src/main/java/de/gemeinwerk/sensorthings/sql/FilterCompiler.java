package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a parsed {@code $filter} or {@code $orderby} expression into SQL over the tables of the
 * entity model. Pure: no database access. To-one navigation becomes a LEFT JOIN in the scope; a
 * condition that reaches through a to-many navigation ({@code Datastreams/name eq 'x'} on Things)
 * becomes EXISTS over that collection, as do {@code any()} and {@code all()}.
 */
public final class FilterCompiler {

    private final String part;
    private final GeoResults geo;
    /** Path prefixes already bound to a scope: lambda variables and to-many prefixes inside EXISTS. */
    private final Map<String, Scope> bindings = new HashMap<>();

    public FilterCompiler(String part, GeoResults geo) {
        this.part = part;
        this.geo = geo;
    }

    /** A boolean condition over the scope's root alias. */
    Sql condition(Expr filter, Scope scope) {
        return bool(filter, scope);
    }

    /** An ordering key ({@code $orderby} items): SQL expressions, several for intervals and results. */
    List<Sql> orderKeys(Expr expression, Scope scope) {
        return switch (value(expression, scope)) {
            case Operand.Scalar s -> List.of(s.sql());
            // Intervals sort by their start: that is what the (datastream, phenomenon_time_start) index serves.
            case Operand.TimeRange r -> List.of(r.start());
            case ResultValue r -> List.of(r.as(ValueType.NUMBER), r.as(ValueType.STRING), r.as(ValueType.BOOLEAN));
            case Operand.Polymorphic p -> List.of(p.asJson());
            case Operand.GeometryProperty g -> throw error(expression, "cannot order by a geometry");
            case Operand.GeometryLiteral g -> throw error(expression, "cannot order by a geometry");
            case Operand.Null n -> List.of(Sql.of("null"));
        };
    }

    // ---- booleans -------------------------------------------------------------------------------

    Sql bool(Expr expr, Scope scope) {
        return switch (expr) {
            case BinaryExpr b when b.operator() == BinaryExpr.Operator.AND ->
                    Sql.concat("(", bool(b.left(), scope), " and ", bool(b.right(), scope), ")");
            case BinaryExpr b when b.operator() == BinaryExpr.Operator.OR ->
                    Sql.concat("(", bool(b.left(), scope), " or ", bool(b.right(), scope), ")");
            case UnaryExpr u when u.operator() == UnaryExpr.Operator.NOT ->
                    Sql.concat("(not ", bool(u.operand(), scope), ")");
            case LambdaExpr lambda -> lambda(lambda, scope);
            default -> throughCollections(expr, scope);
        };
    }

    /**
     * An atom (comparison, boolean function, in). If it mentions a path through a to-many navigation
     * that is not bound yet, wrap it in EXISTS over that collection with the prefix bound, and repeat.
     */
    private Sql throughCollections(Expr atom, Scope scope) {
        for (PropertyPath path : pathsOf(atom)) {
            Binding start = bindingFor(path, scope);
            ResolvedPath resolved = ResolvedPath.resolve(start.type(), rest(path, start), part, path.position());
            int k = resolved.firstToMany();
            if (k < 0) {
                continue;
            }
            String parentAlias = start.scope().aliasAfter(resolved.hops().subList(0, k));
            Navigation nav = resolved.hops().get(k);
            String key = String.join("/", path.segments().subList(0, start.length() + k + 1));
            Scope inner = scope.inner(nav.target());
            bindings.put(key, inner);
            try {
                return exists(nav, inner, parentAlias, throughCollections(atom, scope));
            } finally {
                bindings.remove(key);
            }
        }
        return atom(atom, scope);
    }

    private static Sql exists(Navigation nav, Scope inner, String parentAlias, Sql body) {
        return Sql.concat("exists (select 1 from ", Relations.from(nav, inner.alias(), inner.reader()), inner.joins(), " where ",
                Relations.condition(nav, inner.alias(), parentAlias, parentAlias + ".id"), " and ", body, ")");
    }

    private Sql lambda(LambdaExpr lambda, Scope scope) {
        PropertyPath collection = lambda.collection();
        Binding start = bindingFor(collection, scope);
        ResolvedPath resolved = ResolvedPath.resolve(start.type(), rest(collection, start), part, collection.position());
        if (resolved.property() != null || resolved.hops().isEmpty() || !resolved.hops().getLast().many()) {
            throw error(lambda, "any() and all() need a collection such as Datastreams before them");
        }
        List<Navigation> toOne = resolved.hops().subList(0, resolved.hops().size() - 1);
        if (toOne.stream().anyMatch(Navigation::many)) {
            throw error(lambda, "nest any()/all() to reach through several collections");
        }
        String parentAlias = start.scope().aliasAfter(toOne);
        Navigation nav = resolved.hops().getLast();
        Scope inner = scope.inner(nav.target());
        if (lambda.predicate() == null) {
            return exists(nav, inner, parentAlias, Sql.TRUE);
        }
        if (bindings.containsKey(lambda.variable())) {
            throw error(lambda, "lambda variable '" + lambda.variable() + "' is already in use");
        }
        bindings.put(lambda.variable(), inner);
        try {
            Sql predicate = bool(lambda.predicate(), inner);
            return lambda.kind() == LambdaExpr.Kind.ANY
                    ? exists(nav, inner, parentAlias, predicate)
                    : Sql.concat("(not ", exists(nav, inner, parentAlias,
                            Sql.concat("not coalesce(", predicate, ", false)")), ")");
        } finally {
            bindings.remove(lambda.variable());
        }
    }

    private Sql atom(Expr atom, Scope scope) {
        return switch (atom) {
            case BinaryExpr b when b.operator().isComparison() ->
                    Comparisons.compare(b.operator(), value(b.left(), scope), value(b.right(), scope), m -> error(b, m));
            case InExpr in -> {
                Operand left = value(in.left(), scope);
                List<Sql> alternatives = new ArrayList<>();
                for (Expr v : in.values()) {
                    alternatives.add(Comparisons.compare(BinaryExpr.Operator.EQ, left, value(v, scope), m -> error(v, m)));
                }
                yield alternatives.isEmpty() ? Sql.of("false") : Sql.join(" or ", alternatives).wrap("(", ")");
            }
            default -> booleanValue(atom, value(atom, scope));
        };
    }

    private Sql booleanValue(Expr expr, Operand operand) {
        return switch (operand) {
            case Operand.Scalar s when s.type() == ValueType.BOOLEAN -> s.sql();
            case Operand.Polymorphic p -> Sql.concat("coalesce(", p.as(ValueType.BOOLEAN), ", false)");
            default -> throw error(expr, "expected a condition (true or false) here");
        };
    }

    // ---- values ---------------------------------------------------------------------------------

    Operand value(Expr expr, Scope scope) {
        return switch (expr) {
            case Literal literal -> Literals.operand(literal);
            case PropertyPath path -> property(path, scope);
            case FunctionCall call -> Functions.compile(call, this, scope);
            case BinaryExpr b when b.operator().isArithmetic() ->
                    Arithmetic.compile(b.operator(), value(b.left(), scope), value(b.right(), scope), m -> error(b, m));
            case UnaryExpr u when u.operator() == UnaryExpr.Operator.NEGATE -> Arithmetic.negate(value(u.operand(), scope),
                    m -> error(u, m));
            default -> new Operand.Scalar(bool(expr, scope), ValueType.BOOLEAN);
        };
    }

    private Operand property(PropertyPath path, Scope scope) {
        Binding start = bindingFor(path, scope);
        ResolvedPath resolved = ResolvedPath.resolve(start.type(), rest(path, start), part, path.position());
        if (resolved.firstToMany() >= 0) {
            throw error(path, "'" + resolved.hops().get(resolved.firstToMany()).name()
                    + "' is a collection: use any() or compare inside $filter");
        }
        if (resolved.property() == null) {
            throw error(path, "'" + String.join("/", path.segments()) + "' is an entity, not a value; name one of its properties");
        }
        String alias = start.scope().aliasAfter(resolved.hops());
        EntityType owner = resolved.end(start.type());
        return Properties.operand(owner, resolved.property(), alias, resolved.members());
    }

    GeoResults geo() {
        return geo;
    }

    String part() {
        return part;
    }

    QuerySyntaxException error(Expr at, String message) {
        return new QuerySyntaxException(part, at.position(), message);
    }

    // ---- path bindings --------------------------------------------------------------------------

    /** Where a path starts: the longest bound prefix (lambda variable, to-many prefix) or the current scope. */
    private Binding bindingFor(PropertyPath path, Scope current) {
        List<String> segments = path.segments();
        for (int length = segments.size(); length > 0; length--) {
            Scope bound = bindings.get(String.join("/", segments.subList(0, length)));
            if (bound != null) {
                return new Binding(bound, length);
            }
        }
        return new Binding(current, 0);
    }

    private static List<String> rest(PropertyPath path, Binding start) {
        return path.segments().subList(start.length(), path.segments().size());
    }

    /** A path start: the scope it resolves from and how many leading segments named that scope. */
    private record Binding(Scope scope, int length) {
        EntityType type() {
            return scope.type();
        }
    }

    private static List<PropertyPath> pathsOf(Expr expr) {
        List<PropertyPath> paths = new ArrayList<>();
        collect(expr, paths);
        return paths;
    }

    private static void collect(Expr expr, List<PropertyPath> into) {
        switch (expr) {
            case PropertyPath p -> into.add(p);
            case BinaryExpr b -> {
                collect(b.left(), into);
                collect(b.right(), into);
            }
            case UnaryExpr u -> collect(u.operand(), into);
            case FunctionCall f -> f.arguments().forEach(a -> collect(a, into));
            case InExpr in -> {
                collect(in.left(), into);
                in.values().forEach(v -> collect(v, into));
            }
            case Literal l -> { }
            case LambdaExpr l -> { }
        }
    }
}
