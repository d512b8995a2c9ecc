package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.PropertyColumns.Time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** Reads the time values of bodies: ISO 8601 instants with an offset, and intervals {@code start/end}. */
final class Times {

    /**
     * ISO 8601 extended offsets (+01:00, Z) and also basic ones (-0700): the SensorThings specification's own
     * examples, e.g. of CreateObservations, write them so.
     */
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXXXX][X]").toFormatter();
    private static final String INSTANT_EXAMPLE = "ISO 8601 with offset, e.g. 2024-05-01T12:00:00Z";

    private Times() {}

    static OffsetDateTime instant(String text, Pointer at) {
        return parse(text, text, INSTANT_EXAMPLE, at);
    }

    /** An instant (end null) or an interval. */
    static Time instantOrInterval(String text, Pointer at) {
        String expected = INSTANT_EXAMPLE + " or start/end";
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Time(parse(text, text, expected, at), null);
        }
        return interval(text, slash, expected, at);
    }

    /** Always {@code start/end}: validTime is an interval. */
    static Time interval(String text, Pointer at) {
        String expected = "an interval start/end in ISO 8601 with offset, e.g. 2024-05-01T12:00:00Z/2024-05-01T13:00:00Z";
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw invalid(text, expected, at);
        }
        return interval(text, slash, expected, at);
    }

    private static Time interval(String text, int slash, String expected, Pointer at) {
        OffsetDateTime start = parse(text.substring(0, slash), text, expected, at);
        OffsetDateTime end = parse(text.substring(slash + 1), text, expected, at);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("the interval '" + text + "' ends before it starts", at.where());
        }
        return new Time(start, end);
    }

    private static OffsetDateTime parse(String part, String whole, String expected, Pointer at) {
        try {
            // normalised to UTC so that equal instants compare and print alike
            return OffsetDateTime.parse(part, WITH_OFFSET).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(whole, expected, at);
        }
    }

    private static ApiException invalid(String text, String expected, Pointer at) {
        return ApiException.badRequest("'" + text + "' is not a valid time; expected " + expected, at.where());
    }
}
