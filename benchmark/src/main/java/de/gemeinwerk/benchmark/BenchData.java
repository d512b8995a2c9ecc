package de.gemeinwerk.benchmark;

import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Fills the benchmark tenant's Datastreams with Observations through PostgreSQL COPY (loading ten million
 * rows through the API would take longer than the benchmark itself; the API's own ingest is measured
 * separately). Datastream 0 gets {@code big} rows, the others share the rest; one row per minute backwards
 * from now. The counts and time envelopes are written as the API keeps them, then the table is vacuumed
 * and analysed as
 * autovacuum would do in a running installation.
 */
final class BenchData {

    private BenchData() {}

    static double load(DataSource dataSource, long[] datastreamIds, long featureId, long total, long big)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long rest = total - big;
            int others = datastreamIds.length - 1;
            copy(connection, datastreamIds[0], featureId, big);
            for (int i = 1; i <= others; i++) {
                long share = rest / others + (i <= rest % others ? 1 : 0);
                copy(connection, datastreamIds[i], featureId, share);
            }
            DatastreamSummaries.recompute(connection, ObservationChange.everything(java.util.Arrays.stream(datastreamIds).boxed().toList()));
            connection.commit();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) sta_observation");
            statement.execute("vacuum (analyze) sta_datastream_extent");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void copy(Connection connection, long datastreamId, long featureId, long rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy sta_observation (datastream_id, feature_of_interest_id, phenomenon_time_start, result_time,"
                        + " result_type, result_number) from stdin with (format csv)");
        long now = Instant.now().getEpochSecond();
        StringBuilder buffer = new StringBuilder(1 << 20);
        for (long i = 0; i < rows; i++) {
            String time = Instant.ofEpochSecond(now - (rows - i) * 60).toString();
            buffer.append(datastreamId).append(',').append(featureId).append(',').append(time).append(',').append(time)
                    .append(",1,").append(20 + (i % 1000) / 100.0).append('\n');
            if (buffer.length() > (1 << 20) - 200) {
                flush(copy, buffer);
            }
        }
        flush(copy, buffer);
        copy.endCopy();
        ObservationCounts.add(connection, datastreamId, rows);
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
