package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The width of the buckets of {@code $aggregate}: a calendar unit, whose buckets start where the unit starts in
 * UTC (so a month is a calendar month and a week starts on Monday), or a fixed ISO 8601 duration such as
 * {@code PT15M}. Everything is UTC, never the server's or the database session's time zone, so the same request
 * gives the same buckets everywhere. In UTC an hour, a day and a week are fixed strides, computed as such
 * (date_bin is arithmetic, several times cheaper per row than date_trunc in a time zone); only months and
 * years need the calendar.
 */
sealed interface AggregateInterval {

    String PARAMETER = "interval";

    /** The bucket an Observation belongs to, as a timestamptz expression on its phenomenon time column. */
    Sql bucketStart(String column);

    Instant bucketEnd(Instant start);

    /** The shortest a bucket can be (a month has at least 28 days), to bound the number of buckets of a range. */
    Duration shortest();

    /**
     * Whether every bucket is made of whole UTC hours, so that buckets can be summed from the hourly rollup: true
     * for calendar units and for strides of whole hours (their origin is midnight UTC).
     */
    boolean wholeHours();

    static AggregateInterval parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("interval is required: hour, day, week, month, year or an ISO 8601"
                    + " duration such as PT15M", PARAMETER);
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "hour" -> new Fixed(Duration.ofHours(1));
            case "day" -> new Fixed(Duration.ofDays(1));
            case "week" -> new Fixed(Duration.ofDays(7));
            case "month" -> new Calendar(CalendarUnit.MONTH);
            case "year" -> new Calendar(CalendarUnit.YEAR);
            default -> Fixed.parse(text);
        };
    }

    enum CalendarUnit {
        MONTH(ChronoUnit.MONTHS, Duration.ofDays(28)),
        YEAR(ChronoUnit.YEARS, Duration.ofDays(365));

        private final ChronoUnit unit;
        private final Duration shortest;

        CalendarUnit(ChronoUnit unit, Duration shortest) {
            this.unit = unit;
            this.shortest = shortest;
        }
    }

    /** date_trunc in UTC: the calendar's own boundaries. */
    record Calendar(CalendarUnit unit) implements AggregateInterval {

        @Override
        public Sql bucketStart(String column) {
            // The unit's name is one of two constants, never request text.
            return Sql.of("date_trunc('" + unit.name().toLowerCase(Locale.ROOT) + "', " + column + ", 'UTC')");
        }

        @Override
        public Instant bucketEnd(Instant start) {
            return start.atOffset(ZoneOffset.UTC).plus(1, unit.unit).toInstant();
        }

        @Override
        public Duration shortest() {
            return unit.shortest;
        }

        @Override
        public boolean wholeHours() {
            return true;
        }
    }

    /**
     * date_bin with a fixed stride. Buckets are aligned to Monday 2000-01-03 00:00 UTC, so that strides dividing a
     * day or a week start at midnight or on Mondays, whatever range is asked for.
     */
    record Fixed(Duration stride) implements AggregateInterval {

        static Fixed parse(String text) {
            Duration stride;
            try {
                stride = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("interval '" + text + "' is neither hour, day, week, month, year nor an"
                        + " ISO 8601 duration of days, hours, minutes and seconds such as PT15M or P1DT12H (for months"
                        + " and years use interval=month or interval=year)", PARAMETER);
            }
            if (stride.compareTo(Duration.ofSeconds(1)) < 0 || stride.getNano() != 0) {
                throw ApiException.badRequest("interval must be a whole number of seconds, at least PT1S", PARAMETER);
            }
            return new Fixed(stride);
        }

        @Override
        public Sql bucketStart(String column) {
            return Sql.concat("date_bin(make_interval(secs => ", Sql.param((double) stride.getSeconds()), "), ", column,
                    ", timestamptz '2000-01-03 00:00:00+00')");
        }

        @Override
        public Instant bucketEnd(Instant start) {
            return start.plus(stride);
        }

        @Override
        public Duration shortest() {
            return stride;
        }

        @Override
        public boolean wholeHours() {
            return stride.getSeconds() % Duration.ofHours(1).getSeconds() == 0;
        }
    }
}
