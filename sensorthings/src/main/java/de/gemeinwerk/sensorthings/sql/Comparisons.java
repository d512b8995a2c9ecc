package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr.Operator;

/** eq, ne, gt, ge, lt, le between compiled operands, with the type rules of the filter language. */
final class Comparisons {

    private Comparisons() {}

    static Sql compare(Operator op, Operand left, Operand right, ErrorAt error) {
        if (left instanceof Operand.Null || right instanceof Operand.Null) {
            return compareWithNull(op, left instanceof Operand.Null ? right : left);
        }
        if (isGeometry(left) || isGeometry(right)) {
            throw error.at("geometries cannot be compared with " + symbolName(op) + "; use st_equals() or another st_ function");
        }
        if (left instanceof Operand.TimeRange || right instanceof Operand.TimeRange) {
            return TimeComparisons.compare(op, TimeComparisons.range(left, error), TimeComparisons.range(right, error));
        }
        if (left instanceof Operand.Polymorphic l && right instanceof Operand.Polymorphic r) {
            return binary(l.asJson(), op, r.asJson());
        }
        if (left instanceof Operand.Polymorphic l && right instanceof Operand.Scalar r) {
            return binary(as(l, r.type(), error), op, r.sql());
        }
        if (left instanceof Operand.Scalar l && right instanceof Operand.Polymorphic r) {
            return binary(l.sql(), op, as(r, l.type(), error));
        }
        Operand.Scalar l = (Operand.Scalar) left;
        Operand.Scalar r = (Operand.Scalar) right;
        if (l.type() != r.type()) {
            throw error.at("cannot compare a " + l.type().label() + " with a " + r.type().label());
        }
        return binary(l.sql(), op, r.sql());
    }

    static Sql as(Operand.Polymorphic value, ValueType type, ErrorAt error) {
        Sql sql = value.as(type);
        if (sql == null) {
            throw error.at("a JSON value or result cannot be used as a " + type.label());
        }
        return sql;
    }

    static Sql binary(Sql left, Operator op, Sql right) {
        return Sql.concat("(", left, " ", symbol(op), " ", right, ")");
    }

    private static Sql compareWithNull(Operator op, Operand other) {
        Sql isNull = switch (other) {
            case Operand.Null n -> Sql.TRUE;
            case Operand.Scalar s -> Sql.concat("(", s.sql(), " is null)");
            case Operand.TimeRange t -> Sql.concat("(", t.start(), " is null)");
            case Operand.Polymorphic p -> p.isNull();
            case Operand.GeometryProperty g -> Sql.of("(" + g.ownerAlias() + "." + g.property().column() + " is null)");
            case Operand.GeometryLiteral g -> Sql.of("false");
        };
        return switch (op) {
            case EQ -> isNull;
            case NE -> Sql.concat("(not ", isNull, ")");
            default -> Sql.of("false");
        };
    }

    private static boolean isGeometry(Operand operand) {
        return operand instanceof Operand.GeometryProperty || operand instanceof Operand.GeometryLiteral;
    }

    static String symbol(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    private static String symbolName(Operator op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }
}
