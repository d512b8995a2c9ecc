package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.observations.HourlyRollup;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.SqlArray;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one statement of {@code $aggregate}: the numeric results (result_number not null) of the given Datastreams in
 * the range, grouped by Datastream and bucket; buckets without any numeric result do not appear at all.
 * When every bucket is made of whole UTC hours, the whole hours inside the range come from the hourly rollup
 * ({@link HourlyRollup}) and only the parts of hours at the range's ends from the Observations; otherwise all of it is
 * a range scan of the (datastream_id, phenomenon_time_start) index. Both give the same counts, minima and maxima;
 * sums and averages add the same numbers in another order, so they may differ in the last bits of a double.
 * Rows: datastream id, bucket start (epoch seconds), then one column per function in the parameters' order.
 */
final class AggregateStatement {

    private static final String NUMBER = "o.result_number";

    private AggregateStatement() {}

    static Sql of(long[] datastreamIds, AggregateParameters parameters) {
        Instant wholeFrom = parameters.from().truncatedTo(ChronoUnit.HOURS);
        if (wholeFrom.isBefore(parameters.from())) {
            wholeFrom = wholeFrom.plus(1, ChronoUnit.HOURS);
        }
        Instant wholeTo = parameters.to().truncatedTo(ChronoUnit.HOURS);
        return parameters.interval().wholeHours() && wholeFrom.isBefore(wholeTo)
                ? fromRollup(ids(datastreamIds), parameters, wholeFrom, wholeTo)
                : fromObservations(datastreamIds, parameters);
    }

    /** The statement that reads only Observations, whatever the interval (what the rollup must agree with). */
    static Sql fromObservations(long[] datastreamIds, AggregateParameters parameters) {
        Sql datastreams = ids(datastreamIds);
        String time = "o.phenomenon_time_start";
        String functions = parameters.functions().stream().map(f -> f.sql(NUMBER)).collect(Collectors.joining(", "));
        return Sql.concat("select o.datastream_id, extract(epoch from ", parameters.interval().bucketStart(time),
                ")::bigint as bucket, ", functions, " from sta_observation o where ",
                observationsIn(datastreams, parameters.from(), parameters.to()),
                " group by o.datastream_id, bucket order by o.datastream_id, bucket");
    }

    /** Partial aggregates p(datastream_id, t, count, sum, min, max): rollup hours, and Observations at the ends. */
    private static Sql fromRollup(Sql datastreams, AggregateParameters parameters, Instant wholeFrom, Instant wholeTo) {
        List<Sql> parts = new ArrayList<>();
        parts.add(Sql.concat("select h.datastream_id, h.hour_start as t, h.count, h.sum, h.min, h.max from ",
                HourlyRollup.TABLE, " h where h.datastream_id = any(", datastreams, ") and h.hour_start >= ",
                time(wholeFrom), " and h.hour_start < ", time(wholeTo)));
        if (parameters.from().isBefore(wholeFrom)) {
            parts.add(observationPart(datastreams, parameters.from(), wholeFrom));
        }
        if (wholeTo.isBefore(parameters.to())) {
            parts.add(observationPart(datastreams, wholeTo, parameters.to()));
        }
        String functions = parameters.functions().stream().map(AggregateFunction::ofPartials)
                .collect(Collectors.joining(", "));
        return Sql.concat("select p.datastream_id, extract(epoch from ", parameters.interval().bucketStart("p.t"),
                ")::bigint as bucket, ", functions, " from (", Sql.join(" union all ", parts), ") p",
                " group by p.datastream_id, bucket order by p.datastream_id, bucket");
    }

    private static Sql observationPart(Sql datastreams, Instant from, Instant to) {
        return Sql.concat("select o.datastream_id, o.phenomenon_time_start, 1, ", NUMBER, ", ", NUMBER, ", ", NUMBER,
                " from sta_observation o where ", observationsIn(datastreams, from, to));
    }

    /** A range scan of the (datastream_id, phenomenon_time_start) index, numeric results only. */
    private static Sql observationsIn(Sql datastreams, Instant from, Instant to) {
        return Sql.concat("o.datastream_id = any(", datastreams, ") and o.phenomenon_time_start >= ", time(from),
                " and o.phenomenon_time_start < ", time(to), " and ", NUMBER, " is not null");
    }

    private static Sql ids(long[] datastreamIds) {
        return Sql.param(new SqlArray("bigint", Arrays.stream(datastreamIds).boxed().toArray()));
    }

    private static Sql time(Instant instant) {
        return Sql.param(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
