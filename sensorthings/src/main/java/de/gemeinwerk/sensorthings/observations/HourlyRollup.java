package de.gemeinwerk.sensorthings.observations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The hourly rollup, sta_observation_hourly: count, sum, minimum and maximum of the numeric results (result_number
 * not null — what {@code $aggregate} counts) of each Datastream and UTC hour of phenomenonTime start, so that an
 * aggregate over a year reads 8,760 rows instead of 525,600 minutes. Hours without a numeric result have no row,
 * so a bucket appears in an answer exactly when raw rows would make it appear.
 */
public final class HourlyRollup {

    public static final String TABLE = "sta_observation_hourly";

    /**
     * A CTE of the insert statement, over its {@code obs} CTE: adds the inserted rows to their hours. The upsert adds
     * counts and sums and widens minimum and maximum, so concurrent writers into the same hour both count (the
     * second waits for the first's row lock and then adds to what it committed); rows are locked in
     * (Datastream, hour) order, the same in every writer, so their waits cannot form a cycle.
     */
    static final String ADD_INSERTED = " rolled as (insert into " + TABLE + " as h"
            + " (datastream_id, hour_start, count, sum, min, max)"
            + " select datastream_id, " + hourOf("phenomenon_time_start") + ", count(*), sum(result_number),"
            + " min(result_number), max(result_number) from obs"
            + " where result_number is not null and datastream_id is not null group by 1, 2 order by 1, 2"
            + " on conflict (datastream_id, hour_start) do update set count = h.count + excluded.count,"
            + " sum = h.sum + excluded.sum, min = least(h.min, excluded.min), max = greatest(h.max, excluded.max))";

    private HourlyRollup() {}

    /**
     * The UTC hour a time column's value lies in. date_bin is arithmetic (cheaper than date_trunc in a time zone),
     * and its origin is the one of $aggregate's fixed strides, so every whole-hour stride lines up with the hours.
     */
    public static String hourOf(String column) {
        return "date_bin(interval '1 hour', " + column + ", timestamptz '2000-01-03 00:00:00+00')";
    }

    /**
     * Recomputes these hours from the Observations: hours that have numeric results get exactly their values, the
     * others lose their row. Costs the rollup rows and the remaining Observations within the ranges — after
     * deleting everything before a time, only the rows left in its hour. The ranges must be disjoint per Datastream.
     */
    static void recompute(Connection connection, List<ObservationChange.Hours> hours) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                with bounds as (select r.datastream_id, coalesce(to_timestamp(r.from_second), '-infinity') as lo,
                                       coalesce(to_timestamp(r.to_second), 'infinity') as hi
                                from unnest(?::bigint[], ?::bigint[], ?::bigint[]) as r(datastream_id, from_second, to_second)),
                fresh as (select o.datastream_id, %s as hour_start, count(*) as count, sum(o.result_number) as sum,
                                 min(o.result_number) as min, max(o.result_number) as max
                          from bounds b join sta_observation o on o.datastream_id = b.datastream_id
                               and o.phenomenon_time_start >= b.lo and o.phenomenon_time_start < b.hi
                          where o.result_number is not null group by 1, 2),
                gone as (delete from %s h using bounds b
                         where h.datastream_id = b.datastream_id and h.hour_start >= b.lo and h.hour_start < b.hi
                           and not exists (select 1 from fresh f where f.datastream_id = h.datastream_id
                                                                    and f.hour_start = h.hour_start))
                insert into %s as h (datastream_id, hour_start, count, sum, min, max)
                select * from fresh order by 1, 2
                on conflict (datastream_id, hour_start) do update set count = excluded.count, sum = excluded.sum,
                    min = excluded.min, max = excluded.max""".formatted(hourOf("o.phenomenon_time_start"), TABLE, TABLE))) {
            statement.setArray(1, connection.createArrayOf("bigint",
                    hours.stream().map(ObservationChange.Hours::datastreamId).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", hours.stream().map(ObservationChange.Hours::from).toArray()));
            statement.setArray(3, connection.createArrayOf("bigint", hours.stream().map(ObservationChange.Hours::to).toArray()));
            statement.executeUpdate();
        }
    }
}
