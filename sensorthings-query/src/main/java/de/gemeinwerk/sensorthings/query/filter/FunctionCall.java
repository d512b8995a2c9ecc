package de.gemeinwerk.sensorthings.query.filter;

import java.util.List;

/**
 * A call of one of the functions of the SensorThings $filter grammar. {@code name} is lower-case as
 * the grammar spells it ("substringof", "geo.distance", "st_within", "now", ...). The parser checks
 * that the function exists and has a permitted number of arguments; argument types are checked by
 * the compiler.
 */
public record FunctionCall(String name, List<Expr> arguments, int position) implements Expr {

    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
