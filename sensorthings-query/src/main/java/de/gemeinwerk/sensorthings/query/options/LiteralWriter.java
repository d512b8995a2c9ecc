package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Literal;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Writes a literal in the $filter syntax the tokenizer reads back into the same type and value. */
final class LiteralWriter {

    private LiteralWriter() {}

    static String write(Literal literal) {
        Object value = literal.value();
        return switch (literal.type()) {
            case NULL -> "null";
            case BOOLEAN, INTEGER, DATE -> value.toString();
            case DECIMAL -> decimal((BigDecimal) value);
            case STRING -> quoted((String) value);
            case DATE_TIME -> dateTime((OffsetDateTime) value);
            case TIME -> DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
            case DURATION -> "duration" + quoted(value.toString());
            case INTERVAL -> {
                Literal.Interval interval = (Literal.Interval) value;
                yield dateTime(interval.start()) + "/" + dateTime(interval.end());
            }
            // The AST no longer knows whether geography'' or geometry'' was written; both mean the same WKT.
            case GEOMETRY -> "geography" + quoted((String) value);
        };
    }

    /**
     * {@link BigDecimal#toString} keeps the scale (2e3 comes back as 2E+3); only a scale of 0 prints without '.' or
     * exponent, which would be read back as an integer, so it gets an explicit exponent.
     */
    private static String decimal(BigDecimal value) {
        String text = value.toString();
        return text.indexOf('.') < 0 && text.indexOf('E') < 0 ? text + "e0" : text;
    }

    /** '' stands for one quote inside a quoted string. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** ISO 8601 with seconds, 2012-06-01T10:30:00+02:00, which reads better in links than toString's 10:30+02:00. */
    private static String dateTime(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
