package de.gemeinwerk.sensorthings.query.filter;

/** {@code not operand} or {@code -operand}. */
public record UnaryExpr(Operator operator, Expr operand, int position) implements Expr {

    public enum Operator { NOT, NEGATE }
}
