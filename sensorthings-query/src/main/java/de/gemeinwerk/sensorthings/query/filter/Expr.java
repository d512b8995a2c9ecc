package de.gemeinwerk.sensorthings.query.filter;

/**
 * A node of a parsed {@code $filter} (or {@code $orderby}) expression. Every node remembers the
 * zero-based character offset in the original text where it starts, so that later stages (the SQL
 * compiler, which knows the entity model) can report "unknown property 'nme' at position 7".
 */
public sealed interface Expr
        permits Literal, PropertyPath, FunctionCall, BinaryExpr, UnaryExpr, InExpr, LambdaExpr {

    int position();
}
