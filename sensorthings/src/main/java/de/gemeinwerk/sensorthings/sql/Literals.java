package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.Literal;

import java.math.BigDecimal;

/** Filter literals as typed, bound SQL parameters (casts keep PostgreSQL from guessing types). */
final class Literals {

    private Literals() {}

    static Operand operand(Literal literal) {
        Object v = literal.value();
        return switch (literal.type()) {
            case NULL -> new Operand.Null();
            case BOOLEAN -> scalar(v, "::boolean", ValueType.BOOLEAN);
            case INTEGER -> scalar(v, "::bigint", ValueType.NUMBER);
            case DECIMAL -> scalar(((BigDecimal) v).doubleValue(), "::float8", ValueType.NUMBER);
            case STRING -> scalar(v, "::text", ValueType.STRING);
            case DATE_TIME -> scalar(v, "::timestamptz", ValueType.DATETIME);
            case DATE -> scalar(v, "::date", ValueType.DATE);
            case TIME -> scalar(v, "::time", ValueType.TIME);
            case DURATION -> scalar(v.toString(), "::interval", ValueType.DURATION);
            case INTERVAL -> {
                Literal.Interval interval = (Literal.Interval) v;
                yield new Operand.TimeRange(Sql.concat(Sql.param(interval.start()), "::timestamptz"),
                        Sql.concat(Sql.param(interval.end()), "::timestamptz"), true);
            }
            case GEOMETRY -> new Operand.GeometryLiteral((String) v, literal.position());
        };
    }

    private static Operand scalar(Object value, String cast, ValueType type) {
        return new Operand.Scalar(Sql.concat(Sql.param(value), cast), type);
    }
}
