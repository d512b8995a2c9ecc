package de.gemeinwerk.sensorthings.query.filter;

/** {@code left op right}; position is that of the left operand's start. */
public record BinaryExpr(Operator operator, Expr left, Expr right, int position) implements Expr {

    public enum Operator {
        EQ, NE, GT, GE, LT, LE, AND, OR, ADD, SUB, MUL, DIV, MOD;

        public boolean isComparison() { return ordinal() <= LE.ordinal(); }
        public boolean isLogical() { return this == AND || this == OR; }
        public boolean isArithmetic() { return ordinal() >= ADD.ordinal(); }
    }
}
