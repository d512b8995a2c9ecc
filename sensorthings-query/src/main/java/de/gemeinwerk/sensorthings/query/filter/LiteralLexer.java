package de.gemeinwerk.sensorthings.query.filter;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the literals that are written without quotes (numbers, dates, times, date-times, intervals)
 * and converts the prefixed quoted ones (duration, geography, geometry) for the {@link Tokenizer}.
 * The patterns follow the OData ABNF; Java's parsers then check the values (month 13, long overflow).
 */
final class LiteralLexer {

    record Match(Literal literal, int end) {}

    private interface Converter {
        Literal convert(Matcher matcher, int position);
    }

    private record Form(Pattern pattern, String description, Converter converter) {}

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String TIME = "\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?";
    private static final String DATE_TIME = DATE + "T" + TIME + "(?:Z|[+-]\\d{2}:\\d{2})";
    private static final Pattern SRID_PREFIX = Pattern.compile("(?i)SRID=(\\d{1,9});");
    private static final String SUPPORTED_SRID = "4326";

    /** Tried in order, longest forms first, so that a date-time is not read as a date followed by garbage. */
    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("(" + DATE_TIME + ")/(" + DATE_TIME + ")"), "interval", LiteralLexer::interval),
            new Form(Pattern.compile(DATE_TIME), "date-time",
                    (m, pos) -> Literal.of(OffsetDateTime.parse(m.group()), pos)),
            new Form(Pattern.compile(DATE + "T" + TIME), "date-time", LiteralLexer::missingOffset),
            new Form(Pattern.compile(DATE), "date", (m, pos) -> Literal.of(LocalDate.parse(m.group()), pos)),
            new Form(Pattern.compile(TIME), "time", (m, pos) -> Literal.of(LocalTime.parse(m.group()), pos)),
            new Form(Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"), "number", LiteralLexer::number));

    private LiteralLexer() {}

    /** Reads the literal starting at {@code start}, which is a digit or a '-' followed by a digit. */
    static Match unquoted(Tokenizer tokens, String text, int start) {
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(text).region(start, text.length());
            if (matcher.lookingAt()) {
                try {
                    return new Match(form.converter().convert(matcher, start), matcher.end());
                } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
                    throw tokens.error(start, "invalid " + form.description() + " '" + matcher.group() + "'"
                            + reason(e));
                } catch (IllegalArgumentException e) {
                    throw tokens.error(start, e.getMessage());
                }
            }
        }
        // Unreachable for a digit start, because the number form matches any digit.
        throw tokens.error(start, "invalid literal");
    }

    static Literal prefixed(Tokenizer tokens, String prefix, String content, int position) {
        if (prefix.equals("duration")) {
            try {
                return Literal.of(Duration.parse(content), position);
            } catch (DateTimeException e) {
                throw tokens.error(position, "invalid duration '" + content
                        + "': expected days, hours, minutes and seconds such as P1DT2H30M");
            }
        }
        String wkt = content;
        Matcher srid = SRID_PREFIX.matcher(content);
        if (srid.lookingAt()) {
            // The WKT travels on without its SRID, so any other SRID would silently be read as 4326.
            if (!srid.group(1).equals(SUPPORTED_SRID)) {
                throw tokens.error(position, "unsupported SRID " + srid.group(1) + ": only SRID=" + SUPPORTED_SRID
                        + " is supported");
            }
            wkt = content.substring(srid.end());
        }
        if (wkt.isBlank()) {
            throw tokens.error(position, "empty " + prefix + " literal: expected well-known text such as POINT(1 2)");
        }
        return Literal.geometry(wkt.strip(), position);
    }

    private static Literal number(Matcher matcher, int position) {
        boolean integral = matcher.group(1) == null && matcher.group(2) == null;
        if (!integral) {
            return Literal.of(new BigDecimal(matcher.group()), position);
        }
        try {
            return Literal.of(Long.parseLong(matcher.group()), position);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer " + matcher.group() + " is out of range: integers must lie between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE + " (write a decimal such as 1.0e20 for larger numbers)");
        }
    }

    private static Literal interval(Matcher matcher, int position) {
        OffsetDateTime start = OffsetDateTime.parse(matcher.group(1));
        OffsetDateTime end = OffsetDateTime.parse(matcher.group(2));
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval '" + matcher.group() + "' ends before it starts");
        }
        return Literal.of(new Literal.Interval(start, end), position);
    }

    private static Literal missingOffset(Matcher matcher, int position) {
        throw new IllegalArgumentException("date-time '" + matcher.group()
                + "' needs a time zone offset, e.g. " + matcher.group() + "Z or " + matcher.group() + "+02:00");
    }

    private static String reason(RuntimeException e) {
        return e instanceof DateTimeException && e.getCause() != null ? ": " + e.getCause().getMessage() : "";
    }
}
