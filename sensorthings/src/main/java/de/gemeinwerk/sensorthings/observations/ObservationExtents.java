package de.gemeinwerk.sensorthings.observations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What sta_datastream_extent keeps per Datastream: the envelope of its Observations' times (its phenomenonTime and
 * resultTime) and its latest Observation — the first in the order of {@code $orderby=phenomenonTime desc}, i.e. the
 * greatest (phenomenonTime start, id) — with a copy of that Observation's time and result, so that the latest values
 * of many Datastreams are read from this small table alone. Inserting only ever widens the envelope and moves the
 * latest forward, which the insert statement does itself ({@link #WIDEN}); deleting, moving or re-timing
 * Observations may shrink it, so those recompute it exactly from the observation indexes ({@link #recompute},
 * through {@link DatastreamSummaries#recompute}).
 */
public final class ObservationExtents {

    /** The Observation's columns copied for its Datastream, each kept as {@code latest_<column>}. */
    private static final List<String> COPIED = List.of("id", "phenomenon_time_start", "phenomenon_time_end",
            "result_type", "result_number", "result_string", "result_boolean", "result_json");

    /** The Observation properties answered from the copy, besides the id. */
    public static final Set<String> COPIED_PROPERTIES = Set.of("phenomenonTime", "result");

    /**
     * The latest Observation of each Datastream that has one, as a derived table with the copied columns under their
     * sta_observation names, plus {@code latest_of} (its Datastream) and {@code earliest_start} (the Datastream's
     * earliest phenomenonTime start).
     */
    public static final String LATEST = "(select x.datastream_id as latest_of, x.phenomenon_start as earliest_start, "
            + COPIED.stream().map(c -> "x.latest_" + c + " as " + c).collect(Collectors.joining(", "))
            // the latest Observation of a Datastream has no MultiDatastream
            + ", null::bigint as multi_datastream_id from sta_datastream_extent x where x.latest_id is not null)";

    /** The latest of the inserted rows is newer than the stored one (or there is none): then it replaces it. */
    private static final String NEWER = "x.latest_id is null or (excluded.latest_phenomenon_time_start,"
            + " excluded.latest_id) > (x.latest_phenomenon_time_start, x.latest_id)";

    /**
     * Two CTEs of the insert statement, over its {@code obs} CTE (the inserted rows): widen the envelope, advance
     * the latest Observation and add to the Observation count ({@link ObservationCounts}) of every Datastream that got
     * Observations, in id order so concurrent writers lock the rows in the same order. least/greatest ignore NULLs, so
     * an emptied envelope simply widens again.
     */
    static final String WIDEN = " envelope as (select datastream_id, min(phenomenon_time_start) as phenomenon_start,"
            + " max(coalesce(phenomenon_time_end, phenomenon_time_start)) as phenomenon_end,"
            + " min(result_time) as result_start, max(result_time) as result_end,"
            + " max(phenomenon_time_start) as latest_start, count(*) as added from obs where datastream_id is not null"
            + " group by datastream_id),"
            + " widened as (insert into sta_datastream_extent as x"
            + " (datastream_id, phenomenon_start, phenomenon_end, result_start, result_end, observation_count, "
            + latest() + ")"
            + " select e.datastream_id, e.phenomenon_start, e.phenomenon_end, e.result_start, e.result_end, e.added, "
            + prefixed("l.") + " from envelope e"
            // among the rows at each Datastream's latest time (usually one, so nothing big is sorted), the highest id
            + " join (select distinct on (o.datastream_id) o.datastream_id, " + prefixed("o.") + " from obs o"
            + " join envelope t on t.datastream_id = o.datastream_id and t.latest_start = o.phenomenon_time_start"
            + " order by o.datastream_id, o.id desc) l on l.datastream_id = e.datastream_id"
            + " order by e.datastream_id"
            + " on conflict (datastream_id) do update set"
            + " phenomenon_start = least(x.phenomenon_start, excluded.phenomenon_start),"
            + " phenomenon_end = greatest(x.phenomenon_end, excluded.phenomenon_end),"
            + " result_start = least(x.result_start, excluded.result_start),"
            + " result_end = greatest(x.result_end, excluded.result_end),"
            + " observation_count = x.observation_count + excluded.observation_count, "
            + COPIED.stream().map(c -> "latest_" + c + " = case when " + NEWER + " then excluded.latest_" + c
                    + " else x.latest_" + c + " end").collect(Collectors.joining(", ")) + ")";

    private ObservationExtents() {}

    /** Recomputes envelope and latest Observation of these Datastreams from their Observations (a few descents each). */
    static void recompute(Connection connection, Long[] datastreamIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_datastream_extent as x (datastream_id, phenomenon_start, phenomenon_end, result_start,
                                                        result_end, %s)
                select d.id,
                       (select min(o.phenomenon_time_start) from sta_observation o where o.datastream_id = d.id),
                       greatest(l.phenomenon_time_start,
                                (select max(o.phenomenon_time_end) from sta_observation o where o.datastream_id = d.id)),
                       (select min(o.result_time) from sta_observation o where o.datastream_id = d.id),
                       (select max(o.result_time) from sta_observation o where o.datastream_id = d.id),
                       %s
                from sta_datastream d
                left join lateral (select %s from sta_observation o where o.datastream_id = d.id
                                   order by o.phenomenon_time_start desc, o.id desc limit 1) l on true
                where d.id = any(?) order by d.id
                on conflict (datastream_id) do update set phenomenon_start = excluded.phenomenon_start,
                    phenomenon_end = excluded.phenomenon_end, result_start = excluded.result_start,
                    result_end = excluded.result_end, %s""".formatted(latest(), prefixed("l."), prefixed("o."),
                COPIED.stream().map(c -> "latest_" + c + " = excluded.latest_" + c).collect(Collectors.joining(", "))))) {
            statement.setArray(1, connection.createArrayOf("bigint", datastreamIds));
            statement.executeUpdate();
        }
    }

    /** The copy's columns in sta_datastream_extent, e.g. {@code latest_id, latest_phenomenon_time_start, ...}. */
    private static String latest() {
        return COPIED.stream().map(c -> "latest_" + c).collect(Collectors.joining(", "));
    }

    /** The copied columns of an Observation, e.g. {@code l.id, l.phenomenon_time_start, ...}. */
    private static String prefixed(String alias) {
        return COPIED.stream().map(c -> alias + c).collect(Collectors.joining(", "));
    }
}
