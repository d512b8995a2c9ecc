package de.gemeinwerk.sensorthings.observations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Everything kept per Datastream about its Observations: the count ({@link ObservationCounts}), the time envelope and
 * latest Observation ({@link ObservationExtents}) and the hourly rollup ({@link HourlyRollup}). The insert statement
 * keeps them itself ({@link #KEEP_INSERTED}); every other change of Observations ends in {@link #recompute}, the one
 * entry point that re-derives all of them but the count, which such a change adjusts by its exact delta
 * ({@link ObservationCounts#add}, after {@code recompute}: counting rows again would cost as much as the change).
 */
public final class DatastreamSummaries {

    /** CTEs of the insert statement over its {@code obs} CTE (the inserted rows), separated by a comma. */
    public static final String KEEP_INSERTED = ObservationExtents.WIDEN + "," + HourlyRollup.ADD_INSERTED;

    /**
     * The columns of the inserted rows that {@link #KEEP_INSERTED} reads: all that {@code obs} must return when the
     * statement reads nothing else of them (a wide column such as parameters would only be copied along).
     */
    public static final String INSERTED_COLUMNS = "id, datastream_id, phenomenon_time_start, phenomenon_time_end,"
            + " result_time, result_type, result_number, result_string, result_boolean, result_json";

    private DatastreamSummaries() {}

    /**
     * Re-derives what is kept about these Datastreams' Observations after they were deleted, moved between
     * Datastreams, re-timed or given another result by anything but the insert statement; call it in the
     * transaction that made the change, after the change. Envelope and latest Observation are recomputed whole
     * (a few index descents per Datastream); the hourly rollup only for the hours of the changes' time ranges —
     * its cost is the rollup rows and the remaining Observations in those ranges, so for "everything of Datastream
     * D up to time T was deleted" ({@link ObservationChange#upTo}) it is the rollup rows before T and the few
     * Observations left in T's hour, however much was deleted. Ranges may overlap; each hour is recomputed once.
     * <p>
     * The Datastreams are first locked FOR UPDATE (in id order), which waits for insert statements holding them
     * FOR KEY SHARE to commit and makes new ones wait for this transaction: without it, an insert committed while
     * this runs could be missing from the recomputed values (read committed) and then overwritten by them. Ingest
     * into these Datastreams therefore pauses until this transaction ends — keep such transactions short (chunks).
     */
    public static void recompute(Connection connection, Collection<ObservationChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Long[] datastreamIds = changes.stream().map(ObservationChange::datastreamId).distinct().sorted()
                .toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement(
                "select d.id from sta_datastream d where d.id = any(?) order by d.id for update")) {
            lock.setArray(1, connection.createArrayOf("bigint", datastreamIds));
            lock.executeQuery().close();
        }
        ObservationExtents.recompute(connection, datastreamIds);
        HourlyRollup.recompute(connection, ObservationChange.mergedHours(changes));
    }
}
