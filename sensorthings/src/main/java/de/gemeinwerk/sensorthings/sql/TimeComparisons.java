package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr.Operator;

/**
 * Comparisons and temporal functions where a side may be a time interval (an Observation's
 * phenomenonTime, validTime, an interval literal). An instant is the interval [t, t]. The rules follow
 * FROST-Server and the OGC temporal relations: "a gt b" means a lies wholly after b, "a lt b" wholly
 * before; eq means same start and same end.
 */
final class TimeComparisons {

    private TimeComparisons() {}

    static Operand.TimeRange range(Operand operand, ErrorAt error) {
        return switch (operand) {
            case Operand.TimeRange r -> r;
            case Operand.Scalar s when s.type() == ValueType.DATETIME -> new Operand.TimeRange(s.sql(), s.sql(), true);
            case Operand.Polymorphic p -> {
                Sql sql = Comparisons.as(p, ValueType.DATETIME, error);
                yield new Operand.TimeRange(sql, sql, true);
            }
            default -> throw error.at("expected a date-time or a time interval here");
        };
    }

    static Sql compare(Operator op, Operand.TimeRange a, Operand.TimeRange b) {
        return switch (op) {
            case EQ -> and(cmp(a.start(), "=", b.start()), cmp(a.end(), "=", b.end()));
            case NE -> Sql.concat("(", cmp(a.start(), "<>", b.start()), " or ", cmp(a.end(), "<>", b.end()), ")");
            case GT -> cmp(a.start(), ">", b.end());
            case GE -> cmp(a.start(), ">=", b.end());
            // The redundant condition on start lets the (datastream, phenomenon_time_start) index serve "lt".
            case LT -> a.startNeverAfterEnd() ? and(cmp(a.start(), "<", b.start()), cmp(a.end(), "<", b.start()))
                    : cmp(a.end(), "<", b.start());
            case LE -> a.startNeverAfterEnd() ? and(cmp(a.start(), "<=", b.start()), cmp(a.end(), "<=", b.start()))
                    : cmp(a.end(), "<=", b.start());
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    /** before, after, meets, during, overlaps, starts, finishes. */
    static Sql relation(String function, Operand.TimeRange a, Operand.TimeRange b) {
        return switch (function) {
            case "before" -> cmp(a.end(), "<", b.start());
            case "after" -> cmp(a.start(), ">", b.end());
            case "meets" -> Sql.concat("(", cmp(a.end(), "=", b.start()), " or ", cmp(b.end(), "=", a.start()), ")");
            case "during" -> and(cmp(a.start(), ">=", b.start()), cmp(a.end(), "<=", b.end()));
            case "overlaps" -> and(cmp(a.start(), "<", b.end()), cmp(a.end(), ">", b.start()));
            case "starts" -> cmp(a.start(), "=", b.start());
            case "finishes" -> cmp(a.end(), "=", b.end());
            default -> throw new IllegalArgumentException(function + " is not a temporal function");
        };
    }

    private static Sql cmp(Sql left, String symbol, Sql right) {
        return Sql.concat("(", left, " ", symbol, " ", right, ")");
    }

    private static Sql and(Sql left, Sql right) {
        return Sql.concat("(", left, " and ", right, ")");
    }
}
