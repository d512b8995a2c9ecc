package de.gemeinwerk.sensorthings.observations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Bulk test data for the design tests: Observations one minute apart, going back from now, loaded with one INSERT. */
public final class MinutelyObservations {

    private MinutelyObservations() {}

    /**
     * {@code perDatastream} numeric Observations (results 1, 2, …) for each Datastream, all of one FeatureOfInterest;
     * then what the insert statement keeps per Datastream, as for data loaded by COPY, and fresh planner statistics.
     */
    public static void insert(DataSource dataSource, List<Long> datastreams, long feature, int perDatastream)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into sta_observation (datastream_id, feature_of_interest_id, phenomenon_time_start, result_type,
                       result_number) select d, ?, now() - make_interval(mins => g), 1, g
                     from unnest(?::bigint[]) d, generate_series(1, ?) g""")) {
            insert.setLong(1, feature);
            insert.setArray(2, connection.createArrayOf("bigint", datastreams.toArray()));
            insert.setInt(3, perDatastream);
            insert.executeUpdate();
            DatastreamSummaries.recompute(connection, ObservationChange.everything(datastreams));
            connection.createStatement().execute("analyze sta_observation; analyze sta_datastream; analyze sta_thing");
        }
    }
}
