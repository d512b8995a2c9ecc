package de.gemeinwerk.benchmark;

import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The Data Array rows: bulk ingest through {@code POST CreateObservations} over HTTP, and, as its ceiling on the
 * same machine, PostgreSQL's own COPY of rows into {@code sta_observation} (no HTTP, no JSON, no checks).
 */
final class DataArrayBench {

    static final int ROWS_PER_REQUEST = 5_000;
    private static final int COPY_ROWS = 1_000_000;
    private static final int WARM_UP_SECONDS = 5;

    private DataArrayBench() {}

    static void run(BenchmarkSettings settings, Benchmark.Fixture fixture, DataSource dataSource, ResultTable table)
            throws InterruptedException, SQLException {
        HttpDriver http = fixture.http();
        long[] writers = Arrays.copyOfRange(fixture.datastreams(), 1, fixture.datastreams().length);
        long before = count(dataSource, writers);
        // unmeasured: lets the JIT compile the path first, as it is in a server that has been running
        HttpDriver.IngestResult warmUp = http.dataArrayIngest(writers, settings.clients(), ROWS_PER_REQUEST,
                WARM_UP_SECONDS);
        HttpDriver.IngestResult ingest = http.dataArrayIngest(writers, settings.clients(), ROWS_PER_REQUEST,
                settings.seconds());
        long stored = count(dataSource, writers) - before;
        if (stored != warmUp.total() + ingest.total()) {
            throw new IllegalStateException("CreateObservations acknowledged " + (warmUp.total() + ingest.total())
                    + " rows, but " + stored + " were stored");
        }
        table.add(String.format("dataArray ingest (CreateObservations, %,d rows per request, %d clients, %d s)",
                ROWS_PER_REQUEST, settings.clients(), settings.seconds()), String.format("%.0f obs/s (%,d stored; %s)",
                ingest.perSecond(), ingest.total(), ingest.latencies().describe()), ">= 50,000 obs/s",
                ingest.perSecond() >= 50_000);
        double copied = copyPerSecond(dataSource, fixture.datastreams()[fixture.datastreams().length - 1]);
        table.add(String.format("ceiling: PostgreSQL COPY of %,d rows into sta_observation (one Datastream)",
                COPY_ROWS), String.format("%.0f obs/s", copied), "—", true);
    }

    /** Observations of these Datastreams as $count sees them (the counts in their extent rows). */
    static long count(DataSource dataSource, long[] datastreams) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select coalesce(sum(observation_count), 0) from sta_datastream_extent where datastream_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", Arrays.stream(datastreams).boxed().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double copyPerSecond(DataSource dataSource, long datastream) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long feature;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select feature_of_interest_id from sta_observation where datastream_id = ? limit 1")) {
                statement.setLong(1, datastream);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    feature = rs.getLong(1);
                }
            }
            long start = System.nanoTime();
            BenchData.copy(connection, datastream, feature, COPY_ROWS);
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            // the copied rows lie before the Datastream's others: its time envelope must include them
            DatastreamSummaries.recompute(connection, ObservationChange.everything(List.of(datastream)));
            connection.commit();
            return COPY_ROWS / seconds;
        }
    }
}
