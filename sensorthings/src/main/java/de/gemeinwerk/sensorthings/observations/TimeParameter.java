package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.error.ApiException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given as a request parameter that bounds Observations (an aggregate's range, a deletion's cutoff): an ISO
 * 8601 time with an offset, or a date, which means its midnight in UTC.
 */
public final class TimeParameter {

    private TimeParameter() {}

    /**
     * @param parameter   the parameter's name, for the error's text and {@code where}
     * @param exampleDate a date such as 2024-05-01, shown in the error's text
     */
    public static Instant parse(String text, String parameter, String exampleDate) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(parameter + " '" + text + "' is not an ISO 8601 time with an offset, such as "
                    + exampleDate + "T00:00:00Z, nor a date such as " + exampleDate, parameter);
        }
    }
}
