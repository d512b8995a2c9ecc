package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Geospatial functions. Their exact result is computed in Java per geometry owner before the query
 * runs (GeoResults); here they become "owner id in (matching ids)" or a lookup of the owner's value.
 */
final class GeoFunctions {

    private GeoFunctions() {}

    static Operand compile(FunctionCall call, FilterCompiler compiler, Scope scope) {
        List<Expr> arguments = call.arguments();
        boolean relate = call.name().equals("st_relate");
        int geometryArguments = relate ? 2 : arguments.size();
        Operand.GeometryProperty property = null;
        List<String> literals = new ArrayList<>(Arrays.asList(new String[geometryArguments]));
        for (int i = 0; i < geometryArguments; i++) {
            switch (compiler.value(arguments.get(i), scope)) {
                case Operand.GeometryLiteral literal -> literals.set(i, literal.wkt());
                case Operand.GeometryProperty p -> {
                    if (property != null) {
                        throw compiler.error(arguments.get(i), call.name()
                                + "() compares a geometry property with a geometry literal such as geography'POINT(7 51)'");
                    }
                    property = p;
                }
                default -> throw compiler.error(arguments.get(i), call.name()
                        + "() needs a geometry here: a property such as location or a literal such as geography'POINT(7 51)'");
            }
        }
        String pattern = relate ? relatePattern(call, compiler) : null;
        GeoCall geoCall = new GeoCall(call, property == null ? null : property.owner(),
                property == null ? null : property.property(), literals, pattern, compiler.part());
        GeoResult result = compiler.geo().get(geoCall);
        if (result == null) {
            throw new IllegalStateException("geospatial call not evaluated: " + call);
        }
        ValueType type = geoCall.isPredicate() ? ValueType.BOOLEAN : ValueType.NUMBER;
        return new Operand.Scalar(sql(result, property), type);
    }

    private static Sql sql(GeoResult result, Operand.GeometryProperty property) {
        return switch (result) {
            case GeoResult.Constant c when c.value() instanceof Boolean b -> Sql.of(b.toString());
            case GeoResult.Constant c -> Sql.concat(Sql.param(c.value()), "::float8");
            case GeoResult.Matching m -> Sql.concat("(", property.ownerAlias(), ".id = any(",
                    Sql.param(new SqlArray("bigint", Arrays.stream(m.ownerIds()).boxed().toArray())), "))");
            case GeoResult.Values v -> Sql.concat("(select g.v from unnest(",
                    Sql.param(new SqlArray("bigint", Arrays.stream(v.ownerIds()).boxed().toArray())), ", ",
                    Sql.param(new SqlArray("float8", Arrays.stream(v.values()).boxed().toArray())),
                    ") as g(id, v) where g.id = ", property.ownerAlias(), ".id)");
        };
    }

    private static String relatePattern(FunctionCall call, FilterCompiler compiler) {
        Expr pattern = call.arguments().get(2);
        if (pattern instanceof Literal literal && literal.type() == Literal.Type.STRING) {
            return (String) literal.value();
        }
        throw compiler.error(pattern, "st_relate() needs a DE-9IM pattern text such as 'T********' as third argument");
    }
}
