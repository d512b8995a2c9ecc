package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.SqlArray;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one statement of {@code $aggregate}: the numeric results of the given Datastreams in the range, grouped by
 * Datastream and bucket. The range condition on (datastream_id, phenomenon_time_start) is a range scan of the
 * index of the same columns, per Datastream; results that are not numbers (result_number null) are left out,
 * and buckets without any numeric result do not appear at all.
 * Rows: datastream id, bucket start (epoch seconds), then one column per function in the parameters' order.
 */
final class AggregateStatement {

    private static final String TIME = "o.phenomenon_time_start";
    private static final String NUMBER = "o.result_number";

    private AggregateStatement() {}

    static Sql of(long[] datastreamIds, AggregateParameters parameters) {
        String functions = parameters.functions().stream().map(f -> f.sql(NUMBER)).collect(Collectors.joining(", "));
        return Sql.concat("select o.datastream_id, extract(epoch from ", parameters.interval().bucketStart(TIME),
                ")::bigint as bucket, ", functions, " from sta_observation o where o.datastream_id = any(",
                Sql.param(new SqlArray("bigint", Arrays.stream(datastreamIds).boxed().toArray())), ") and ", TIME,
                " >= ", Sql.param(OffsetDateTime.ofInstant(parameters.from(), ZoneOffset.UTC)), " and ", TIME, " < ",
                Sql.param(OffsetDateTime.ofInstant(parameters.to(), ZoneOffset.UTC)), " and ", NUMBER, " is not null",
                " group by o.datastream_id, bucket order by o.datastream_id, bucket");
    }
}
