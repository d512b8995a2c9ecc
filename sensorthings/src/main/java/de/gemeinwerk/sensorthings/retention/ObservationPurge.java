package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes a Datastream's or MultiDatastream's Observations whose phenomenonTime lies wholly before a cutoff — exactly
 * those that {@code $filter=phenomenonTime lt <cutoff>} finds — in chunks of {@code chunkSize}, each in a short
 * transaction of its own, walking the parent's {@code (datastream_id | multi_datastream_id, phenomenon_time_start, id)}
 * index from the oldest with a keyset, so no chunk scans what an earlier one looked at. Readers are never blocked
 * (MVCC; no table lock is taken); rows are locked only for one chunk's transaction, and a writer of new Observations
 * waits at most for one chunk to commit (the extent row). For a Datastream each chunk keeps the maintained data exact
 * in its own transaction: {@link #rederiveAfterDelete}, then the count delta. A MultiDatastream has nothing maintained
 * (its count and times are computed from its index), so its chunks are the deletion alone. Interrupted, it leaves
 * everything consistent, and running it again continues.
 */
public final class ObservationPurge {

    /** Told after each committed chunk (for progress; tests use it to look between the transactions). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (parent, deleted) -> { };

        void chunkCommitted(ObservationParent parent, long deleted);
    }

    // The candidates are the next chunkSize rows by (start, id) with a start before the cutoff (a range of the time
    // index, in its order); of those, the ones that also end before it are deleted, by primary key (an array, so the
    // plan is index probes whatever the table's size). The last candidate's key is where the next chunk starts.
    // %1$s is the parent's column: its equality also proves the MultiDatastream index's "is not null" predicate.
    private static final String CHUNK = """
            with candidates as (
                select id, phenomenon_time_start, phenomenon_time_end from sta_observation
                where %1$s = ? and phenomenon_time_start < ? and (phenomenon_time_start, id) > (?::timestamptz, ?)
                order by phenomenon_time_start, id limit ?),
            deleted as (
                delete from sta_observation where id = any(array(select id from candidates
                    where coalesce(phenomenon_time_end, phenomenon_time_start) < ?))
                returning id)
            select (select count(*) from deleted), (select count(*) from candidates), c.phenomenon_time_start::text, c.id,
                   c.phenomenon_time_start
            from candidates c order by c.phenomenon_time_start desc, c.id desc limit 1""";

    /** The chunk statement for Observations of this kind of parent. */
    static String chunk(ObservationParent.Kind kind) {
        return CHUNK.formatted(kind.column);
    }

    private final DataSource dataSource;
    private final int chunkSize;

    public ObservationPurge(DataSource dataSource, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("the chunk size must be positive, not " + chunkSize);
        }
        this.dataSource = dataSource;
        this.chunkSize = chunkSize;
    }

    /** Deletes the parent's Observations before {@code cutoff}; returns how many. */
    public long deleteBefore(ObservationParent parent, Instant cutoff, Progress progress) throws SQLException {
        long total = 0;
        String afterStart = "-infinity";
        long afterId = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                while (true) {
                    Chunk chunk = chunk(connection, parent, cutoff, afterStart, afterId);
                    connection.commit();
                    if (chunk == null) {
                        return total;
                    }
                    total += chunk.deleted();
                    progress.chunkCommitted(parent, chunk.deleted());
                    if (chunk.candidates() < chunkSize) {
                        return total;
                    }
                    afterStart = chunk.lastStart();
                    afterId = chunk.lastId();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private record Chunk(long deleted, long candidates, String lastStart, long lastId, Instant lastStartTime) {}

    /** One chunk and what keeps the maintained data exact, in the caller's transaction; null when nothing is left. */
    private Chunk chunk(Connection connection, ObservationParent parent, Instant cutoff, String afterStart, long afterId)
            throws SQLException {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        Chunk chunk;
        try (PreparedStatement statement = connection.prepareStatement(chunk(parent.kind()))) {
            statement.setLong(1, parent.id());
            statement.setObject(2, before);
            statement.setString(3, afterStart);
            statement.setLong(4, afterId);
            statement.setInt(5, chunkSize);
            statement.setObject(6, before);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                chunk = new Chunk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant());
            }
        }
        if (chunk.deleted() > 0 && parent.kind() == ObservationParent.Kind.DATASTREAM) {
            rederiveAfterDelete(connection, parent.id(), chunk.lastStartTime());
            ObservationCounts.add(connection, parent.id(), -chunk.deleted());
        }
        return chunk;
    }

    /**
     * Re-derives everything kept about the Datastream's Observations (envelope, latest value, hourly rollup) after
     * those starting up to {@code upTo} were deleted, in the deleting transaction. Chunks go oldest first, so this
     * costs the rollup rows before {@code upTo} and the few Observations left in its hour, however much went before.
     * Counts are not here: they take the exact number deleted as a delta.
     */
    private static void rederiveAfterDelete(Connection connection, long datastreamId, Instant upTo) throws SQLException {
        DatastreamSummaries.recompute(connection, List.of(ObservationChange.upTo(datastreamId, upTo)));
    }
}
