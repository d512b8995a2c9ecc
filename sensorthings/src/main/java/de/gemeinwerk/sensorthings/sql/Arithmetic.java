package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr.Operator;

/**
 * add, sub, mul, div, mod and unary minus. Division by zero yields null instead of an SQL error;
 * overflow still raises one, which the executor answers with 400.
 */
final class Arithmetic {

    private Arithmetic() {}

    static Operand compile(Operator op, Operand left, Operand right, ErrorAt error) {
        if (left instanceof Operand.Null || right instanceof Operand.Null) {
            return new Operand.Null();
        }
        Operand.Scalar l = scalar(left, error);
        Operand.Scalar r = scalar(right, error);
        ValueType result = resultType(op, l.type(), r.type());
        if (result == null) {
            throw error.at("cannot apply " + op.name().toLowerCase(java.util.Locale.ROOT) + " to a " + l.type().label()
                    + " and a " + r.type().label());
        }
        Sql sql = switch (op) {
            case ADD -> Sql.concat("(", l.sql(), " + ", r.sql(), ")");
            case SUB -> Sql.concat("(", l.sql(), " - ", r.sql(), ")");
            case MUL -> Sql.concat("(", l.sql(), " * ", r.sql(), ")");
            case DIV -> Sql.concat("(", l.sql(), " / nullif(", r.sql(), ", 0))");
            case MOD -> Sql.concat("mod((", l.sql(), ")::numeric, nullif((", r.sql(), ")::numeric, 0))");
            default -> throw new IllegalArgumentException(op + " is not arithmetic");
        };
        return new Operand.Scalar(sql, result);
    }

    static Operand negate(Operand operand, ErrorAt error) {
        if (operand instanceof Operand.Null) {
            return operand;
        }
        Operand.Scalar value = scalar(operand, error);
        if (value.type() != ValueType.NUMBER && value.type() != ValueType.DURATION) {
            throw error.at("cannot negate a " + value.type().label());
        }
        return new Operand.Scalar(Sql.concat("(-", value.sql(), ")"), value.type());
    }

    private static ValueType resultType(Operator op, ValueType l, ValueType r) {
        if (l == ValueType.NUMBER && r == ValueType.NUMBER) {
            return ValueType.NUMBER;
        }
        boolean additive = op == Operator.ADD || op == Operator.SUB;
        if (additive && l == ValueType.DATETIME && r == ValueType.DURATION) {
            return ValueType.DATETIME;
        }
        if (op == Operator.SUB && l == ValueType.DATETIME && r == ValueType.DATETIME) {
            return ValueType.DURATION;
        }
        if (additive && l == ValueType.DURATION && r == ValueType.DURATION) {
            return ValueType.DURATION;
        }
        return null;
    }

    /** Arithmetic needs plain values; JSON members and results count as numbers here. */
    private static Operand.Scalar scalar(Operand operand, ErrorAt error) {
        return switch (operand) {
            case Operand.Scalar s -> s;
            case Operand.Polymorphic p -> new Operand.Scalar(Comparisons.as(p, ValueType.NUMBER, error), ValueType.NUMBER);
            case Operand.TimeRange t -> throw error.at("this time may be an interval; arithmetic needs an instant");
            default -> throw error.at("arithmetic needs numbers, date-times or durations");
        };
    }
}
