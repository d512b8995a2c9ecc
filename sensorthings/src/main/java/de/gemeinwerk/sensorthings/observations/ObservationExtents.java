package de.gemeinwerk.sensorthings.observations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The envelope of each Datastream's Observation times (its phenomenonTime and resultTime), kept in
 * sta_datastream_extent. Inserting only ever widens it, which the insert statement does itself
 * ({@link #WIDEN}; least/greatest ignore NULLs, so an emptied envelope simply widens again); deleting, moving
 * or re-timing Observations may shrink it, so those recompute it exactly from the observation indexes
 * ({@link #recompute}).
 */
public final class ObservationExtents {

    /**
     * A CTE of the insert statement, over its {@code obs} CTE (the inserted rows): widens the envelope of every
     * Datastream that got Observations, in id order so concurrent writers lock the rows in the same order.
     */
    public static final String WIDEN = " widened as (insert into sta_datastream_extent as x"
            + " (datastream_id, phenomenon_start, phenomenon_end, result_start, result_end)"
            + " select datastream_id, min(phenomenon_time_start), max(coalesce(phenomenon_time_end, phenomenon_time_start)),"
            + " min(result_time), max(result_time) from obs group by datastream_id order by datastream_id"
            + " on conflict (datastream_id) do update set"
            + " phenomenon_start = least(x.phenomenon_start, excluded.phenomenon_start),"
            + " phenomenon_end = greatest(x.phenomenon_end, excluded.phenomenon_end),"
            + " result_start = least(x.result_start, excluded.result_start),"
            + " result_end = greatest(x.result_end, excluded.result_end))";

    private ObservationExtents() {}

    /** Recomputes the envelopes of these Datastreams from their Observations (a few index descents each). */
    public static void recompute(Connection connection, Collection<Long> datastreamIds) throws SQLException {
        if (datastreamIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_datastream_extent as x (datastream_id, phenomenon_start, phenomenon_end, result_start, result_end)
                select d.id,
                       (select min(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
                       greatest((select max(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
                                (select max(o.phenomenon_time_end) from sta_observation o where o.datastream_id = d.id)),
                       (select min(o.result_time) from sta_observation o where o.datastream_id = d.id),
                       (select max(o.result_time) from sta_observation o where o.datastream_id = d.id)
                from sta_datastream d where d.id = any(?) order by d.id
                on conflict (datastream_id) do update set phenomenon_start = excluded.phenomenon_start,
                    phenomenon_end = excluded.phenomenon_end, result_start = excluded.result_start,
                    result_end = excluded.result_end""")) {
            statement.setArray(1, connection.createArrayOf("bigint", datastreamIds.toArray()));
            statement.executeUpdate();
        }
    }
}
