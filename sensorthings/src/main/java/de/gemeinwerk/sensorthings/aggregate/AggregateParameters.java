package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.observations.TimeParameter;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code $aggregate}: {@code interval}, {@code functions}, and the range {@code from} (inclusive,
 * required) to {@code to} (exclusive, default now) of the Observations' phenomenonTime (its start for intervals).
 * Times need an offset or 'Z' (or are dates, meaning midnight UTC): a time without an offset would depend on
 * whose clock reads it. The range must be bounded so that no request can make the database aggregate a
 * Datastream's whole history, and the number of buckets is capped so that no answer grows without bound.
 */
record AggregateParameters(AggregateInterval interval, Set<AggregateFunction> functions, Instant from, Instant to) {

    /** Buckets one Datastream may have in one answer: ten thousand is a year of hours, 27 years of days. */
    static final long MAX_BUCKETS = 10_000;

    static AggregateParameters parse(Map<String, String> parameters, Instant now) {
        AggregateInterval interval = AggregateInterval.parse(parameters.get(AggregateInterval.PARAMETER));
        Set<AggregateFunction> functions = AggregateFunction.parse(parameters.get(AggregateFunction.PARAMETER));
        String fromText = parameters.get("from");
        if (fromText == null) {
            throw ApiException.badRequest("from is required: the start of the range, e.g. from=2024-05-01T00:00:00Z",
                    "from");
        }
        Instant from = time(fromText, "from");
        Instant to = parameters.containsKey("to") ? time(parameters.get("to"), "to") : now;
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("to (" + to + ") must be after from (" + from + ")", "to");
        }
        AggregateParameters parsed = new AggregateParameters(interval, functions, from, to);
        if (parsed.maxBuckets() > MAX_BUCKETS) {
            throw ApiException.badRequest("from " + from + " to " + to + " can hold up to " + parsed.maxBuckets()
                    + " buckets of " + parameters.get(AggregateInterval.PARAMETER) + "; at most " + MAX_BUCKETS
                    + " are answered: choose a longer interval or a shorter range", AggregateInterval.PARAMETER);
        }
        return parsed;
    }

    /** An upper bound of the buckets the range can hold (one more, as the range need not start at a boundary). */
    long maxBuckets() {
        long rangeSeconds = java.time.Duration.between(from, to).getSeconds();
        return rangeSeconds / interval.shortest().getSeconds() + 2;
    }

    private static Instant time(String text, String parameter) {
        return TimeParameter.parse(text, parameter, "2024-05-01");
    }
}
