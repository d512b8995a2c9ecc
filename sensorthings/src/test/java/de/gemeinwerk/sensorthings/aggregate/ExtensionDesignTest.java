package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.QueryPlans;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance design of the extensions, checked with EXPLAIN against the real database: {@code $aggregate} over a
 * year reads the hourly rollup, not the year's Observations, and the latest values of many Datastreams are read from
 * what is kept per Datastream, not by a descent of the time index each.
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionDesignTest {

    private static final Instant YEAR_START = Instant.parse("2024-01-01T00:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private long[] datastreams;

    /** A year of 10-minute data in the first Datastream, a day of it in 49 others; loaded as the benchmark does. */
    @BeforeAll
    void aYearOfDataAndFiftyDatastreams() throws SQLException {
        StaClient sta = StaClient.newTenant(port, tenants, keys, "design-extensions");
        long[] ids = new ExtensionData(sta).thingWithDatastreams(50);
        datastreams = Arrays.copyOfRange(ids, 1, ids.length);
        long feature = sta.get("Observations(" + new ExtensionData(sta).observe(datastreams[0], "2023-12-31T00:00:00Z", "1")
                + ")/FeatureOfInterest").get("@iot.id").asLong();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into sta_observation (datastream_id, feature_of_interest_id, phenomenon_time_start, result_type,
                       result_number) select d, ?, timestamptz '2024-01-01 00:00:00+00' + make_interval(mins => 10 * g), 1, g
                     from unnest(?::bigint[]) d, generate_series(0, case when d = ? then 52_559 else 143 end) g""")) {
            connection.setAutoCommit(false);
            insert.setLong(1, feature);
            insert.setArray(2, connection.createArrayOf("bigint", Arrays.stream(datastreams).boxed().toArray()));
            insert.setLong(3, datastreams[0]);
            insert.executeUpdate();
            DatastreamSummaries.recompute(connection,
                    ObservationChange.everything(Arrays.stream(datastreams).boxed().toList()));
            connection.commit();
            connection.setAutoCommit(true);
            connection.createStatement().execute("analyze sta_observation");
            connection.createStatement().execute("analyze sta_observation_hourly");
        }
    }

    @Test
    void dailyAveragesOfAYearReadTheRollupAndNotOneObservation() throws SQLException {
        String plan = plan(aggregate("day", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));
        // the rollup's 8,760 rows of the year may well be read by a sequential scan of its table
        assertThat(plan).contains("sta_observation_hourly").doesNotContain("on sta_observation o");
    }

    @Test
    void rangesThatCutHoursReadOnlyTheirEdgesFromTheObservationsIndex() throws SQLException {
        String plan = plan(aggregate("month", "2024-01-01T00:10:00Z", "2024-12-31T23:30:00Z"));
        assertThat(plan).contains("sta_observation_hourly").contains("sta_observation_datastream_time on sta_observation o")
                .doesNotContain("Seq Scan on sta_observation o");
    }

    @Test
    void strideOfMinutesReadsTheObservations() throws SQLException {
        assertThat(aggregate("PT90M", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z").text())
                .doesNotContain("sta_observation_hourly");
    }

    @Test
    void theLatestValuesOfManyDatastreamsDoNotTouchOneObservation() throws SQLException {
        Projection latestValue = Projection.of(EntityType.OBSERVATION,
                QueryOptionsParser.parse(Map.of("$select", "id,phenomenonTime,result")).select());
        // only the nextLink's check of a Datastream whose Observations all have one time would read the time index
        assertThat(plan(SelectStatements.latestObservations(datastreams, latestValue)))
                .doesNotContain("sta_observation_pkey").doesNotContain("Seq Scan on sta_observation").doesNotContain("Sort");
        assertThat(SelectStatements.isLatestObservation(EntityType.DATASTREAM,
                EntityType.DATASTREAM.navigation("Observations").orElseThrow(), QueryOptionsParser.parse(Map.of(
                        "$expand", "Observations($top=1;$orderby=phenomenonTime desc)")).expand().getFirst().options()))
                .isTrue();
    }

    @Test
    void otherPropertiesOfTheLatestObservationsArePrimaryKeyLookups() throws SQLException {
        Sql latest = SelectStatements.latestObservations(datastreams, Projection.of(EntityType.OBSERVATION, List.of()));
        assertThat(plan(latest)).contains("sta_observation_pkey").doesNotContain("Seq Scan on sta_observation")
                .doesNotContain("Sort");
    }

    private Sql aggregate(String interval, String from, String to) {
        return AggregateStatement.of(new long[] {datastreams[0]}, AggregateParameters.parse(
                Map.of("interval", interval, "from", from, "to", to), YEAR_START));
    }

    private String plan(Sql sql) throws SQLException {
        return QueryPlans.of(dataSource, sql);
    }
}
