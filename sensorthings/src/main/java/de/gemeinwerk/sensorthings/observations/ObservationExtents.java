package de.gemeinwerk.sensorthings.observations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What sta_datastream_extent keeps per Datastream: the envelope of its Observations' times (its phenomenonTime and
 * resultTime) and its latest Observation — the first in the order of {@code $orderby=phenomenonTime desc}, i.e. the
 * greatest (phenomenonTime start, id). Inserting only ever widens the envelope and moves the latest forward, which
 * the insert statement does itself ({@link #WIDEN}); deleting, moving or re-timing Observations may shrink it, so
 * those recompute it exactly from the observation indexes ({@link #recompute}, through
 * {@link DatastreamSummaries#recompute}).
 */
final class ObservationExtents {

    /** The latest of the inserted rows is newer than the stored one (or there is none): then it replaces it. */
    private static final String NEWER = "x.latest_id is null"
            + " or (excluded.latest_start, excluded.latest_id) > (x.latest_start, x.latest_id)";

    /**
     * A CTE of the insert statement, over its {@code obs} CTE (the inserted rows): widens the envelope and advances
     * the latest Observation of every Datastream that got Observations, in id order so concurrent writers lock the
     * rows in the same order. least/greatest ignore NULLs, so an emptied envelope simply widens again.
     */
    static final String WIDEN = " widened as (insert into sta_datastream_extent as x"
            + " (datastream_id, phenomenon_start, phenomenon_end, result_start, result_end, latest_start, latest_id)"
            + " select g.datastream_id, g.phenomenon_start, g.phenomenon_end, g.result_start, g.result_end,"
            + " l.phenomenon_time_start, l.id"
            + " from (select datastream_id, min(phenomenon_time_start) as phenomenon_start,"
            + " max(coalesce(phenomenon_time_end, phenomenon_time_start)) as phenomenon_end,"
            + " min(result_time) as result_start, max(result_time) as result_end"
            + " from obs where datastream_id is not null group by datastream_id) g"
            + " join (select distinct on (datastream_id) datastream_id, phenomenon_time_start, id from obs"
            + " where datastream_id is not null order by datastream_id, phenomenon_time_start desc, id desc) l"
            + " on l.datastream_id = g.datastream_id"
            + " order by g.datastream_id"
            + " on conflict (datastream_id) do update set"
            + " phenomenon_start = least(x.phenomenon_start, excluded.phenomenon_start),"
            + " phenomenon_end = greatest(x.phenomenon_end, excluded.phenomenon_end),"
            + " result_start = least(x.result_start, excluded.result_start),"
            + " result_end = greatest(x.result_end, excluded.result_end),"
            + " latest_start = case when " + NEWER + " then excluded.latest_start else x.latest_start end,"
            + " latest_id = case when " + NEWER + " then excluded.latest_id else x.latest_id end)";

    private ObservationExtents() {}

    /** Recomputes envelope and latest Observation of these Datastreams from their Observations (a few descents each). */
    static void recompute(Connection connection, Long[] datastreamIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_datastream_extent as x (datastream_id, phenomenon_start, phenomenon_end, result_start,
                                                        result_end, latest_start, latest_id)
                select d.id,
                       (select min(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
                       greatest(l.phenomenon_time_start,
                                (select max(o.phenomenon_time_end) from sta_observation o where o.datastream_id = d.id)),
                       (select min(o.result_time) from sta_observation o where o.datastream_id = d.id),
                       (select max(o.result_time) from sta_observation o where o.datastream_id = d.id),
                       l.phenomenon_time_start, l.id
                from sta_datastream d
                left join lateral (select o.phenomenon_time_start, o.id from sta_observation o where o.datastream_id = d.id
                                   order by o.phenomenon_time_start desc, o.id desc limit 1) l on true
                where d.id = any(?) order by d.id
                on conflict (datastream_id) do update set phenomenon_start = excluded.phenomenon_start,
                    phenomenon_end = excluded.phenomenon_end, result_start = excluded.result_start,
                    result_end = excluded.result_end, latest_start = excluded.latest_start,
                    latest_id = excluded.latest_id""")) {
            statement.setArray(1, connection.createArrayOf("bigint", datastreamIds));
            statement.executeUpdate();
        }
    }
}
