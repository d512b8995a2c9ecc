package de.gemeinwerk.sensorthings.query.filter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A constant. The Java type of {@code value} is fixed by {@code type}:
 * NULL → null, BOOLEAN → Boolean, INTEGER → Long, DECIMAL → BigDecimal (written with a '.' or
 * exponent, e.g. 1.5, 2e3), STRING → String (quotes removed, '' unescaped),
 * DATE_TIME → OffsetDateTime, DATE → LocalDate, TIME → LocalTime, DURATION → Duration
 * (from duration'P1DT2H'), INTERVAL → Interval (from an ISO 8601 interval such as
 * 2020-01-01T00:00:00Z/2020-01-02T00:00:00Z), GEOMETRY → String holding the WKT text of
 * geography'POINT(1 2)' or geometry'...' (the geo module parses it).
 */
public record Literal(Object value, Type type, int position) implements Expr {

    public enum Type { NULL, BOOLEAN, INTEGER, DECIMAL, STRING, DATE_TIME, DATE, TIME, DURATION, INTERVAL, GEOMETRY }

    /** An ISO 8601 time interval literal. */
    public record Interval(OffsetDateTime start, OffsetDateTime end) {}

    public static Literal ofNull(int position) { return new Literal(null, Type.NULL, position); }
    public static Literal of(boolean v, int position) { return new Literal(v, Type.BOOLEAN, position); }
    public static Literal of(long v, int position) { return new Literal(v, Type.INTEGER, position); }
    public static Literal of(BigDecimal v, int position) { return new Literal(v, Type.DECIMAL, position); }
    public static Literal of(String v, int position) { return new Literal(v, Type.STRING, position); }
    public static Literal of(OffsetDateTime v, int position) { return new Literal(v, Type.DATE_TIME, position); }
    public static Literal of(LocalDate v, int position) { return new Literal(v, Type.DATE, position); }
    public static Literal of(LocalTime v, int position) { return new Literal(v, Type.TIME, position); }
    public static Literal of(Duration v, int position) { return new Literal(v, Type.DURATION, position); }
    public static Literal of(Interval v, int position) { return new Literal(v, Type.INTERVAL, position); }
    public static Literal geometry(String wkt, int position) { return new Literal(wkt, Type.GEOMETRY, position); }
}
