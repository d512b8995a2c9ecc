package de.gemeinwerk.sensorthings.query.filter;

/**
 * {@code Datastreams/any(d: d/name eq 'x')} or {@code .../all(...)}. {@code collection} is the path
 * before the lambda; {@code variable} the lambda variable; {@code predicate} is null for the
 * argument-less form {@code Datastreams/any()}.
 */
public record LambdaExpr(Kind kind, PropertyPath collection, String variable, Expr predicate, int position)
        implements Expr {

    public enum Kind { ANY, ALL }
}
