package de.gemeinwerk.benchmark;

import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Data for the extension rows of the benchmark, loaded in the database directly (ten thousand Datastreams over
 * HTTP would take minutes): a spare Datastream with one year of 1-minute Observations (COPY, as {@link BenchData}),
 * and a Thing with {@value #DATASTREAMS} Datastreams of {@value #OBSERVATIONS_EACH} Observations each (INSERT ...
 * SELECT, modelled on an existing Datastream of the tenant).
 */
final class ExtensionBenchData {

    static final long MINUTES_OF_A_YEAR = 525_600;
    static final int DATASTREAMS = 10_000;
    static final int OBSERVATIONS_EACH = 10;

    private ExtensionBenchData() {}

    /** The year's Datastream and the many Datastreams' Thing. */
    record Ids(long yearDatastream, long manyDatastreamsThing) {}

    /** {@code model}: a Datastream whose tenant, Sensor and ObservedProperty the new Datastreams share. */
    static Ids load(DataSource dataSource, long model, long featureId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long thing = insertThing(connection, model);
            List<Long> datastreams = insertDatastreams(connection, model, thing, DATASTREAMS + 1);
            long year = datastreams.getFirst();
            BenchData.copy(connection, year, featureId, MINUTES_OF_A_YEAR);
            insertObservations(connection, datastreams.subList(1, datastreams.size()), featureId);
            DatastreamSummaries.recompute(connection, ObservationChange.everything(datastreams));
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("vacuum (analyze) sta_observation");
                statement.execute("vacuum (analyze) sta_datastream");
            }
            return new Ids(year, thing);
        }
    }

    private static long insertThing(Connection connection, long model) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_thing (tenant_id, name, description)
                select tenant_id, 'Messnetz 10000', 'Benchmark of $latest' from sta_datastream where id = ?
                returning id""")) {
            statement.setLong(1, model);
            return single(statement);
        }
    }

    /** Copies of the model Datastream on the given Thing; the first is the year's Datastream. */
    private static List<Long> insertDatastreams(Connection connection, long model, long thing, int count)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_datastream (tenant_id, name, description, observation_type, unit_of_measurement,
                                            thing_id, sensor_id, observed_property_id)
                select d.tenant_id, 'Reihe ' || g, d.description, d.observation_type, d.unit_of_measurement, ?,
                       d.sensor_id, d.observed_property_id
                from sta_datastream d cross join generate_series(1, ?) g where d.id = ?
                order by g
                returning id""")) {
            statement.setLong(1, thing);
            statement.setInt(2, count);
            statement.setLong(3, model);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            ids.sort(null);
            return ids;
        }
    }

    /** One Observation per minute in the last minutes, and their counts, as the API keeps them. */
    private static void insertObservations(Connection connection, List<Long> datastreams, long featureId)
            throws SQLException {
        Long[] ids = datastreams.toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into sta_observation (datastream_id, feature_of_interest_id, phenomenon_time_start, result_time,
                                             result_type, result_number)
                select d, ?, now() - m * interval '1 minute', now() - m * interval '1 minute', 1, 20 + m
                from unnest(?::bigint[]) d cross join generate_series(1, ?) m""");
             PreparedStatement counts = connection.prepareStatement("""
                insert into sta_datastream_extent as x (datastream_id, observation_count)
                select d, ? from unnest(?::bigint[]) d on conflict (datastream_id)
                do update set observation_count = x.observation_count + excluded.observation_count""")) {
            statement.setLong(1, featureId);
            statement.setArray(2, connection.createArrayOf("bigint", ids));
            statement.setInt(3, OBSERVATIONS_EACH);
            statement.executeUpdate();
            counts.setLong(1, OBSERVATIONS_EACH);
            counts.setArray(2, connection.createArrayOf("bigint", ids));
            counts.executeUpdate();
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
