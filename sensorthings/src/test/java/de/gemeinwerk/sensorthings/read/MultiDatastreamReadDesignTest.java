package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance design of MultiDatastream reads, checked with EXPLAIN against the real database: their Observations
 * by time, their latest Observation and their time envelope come from the partial index of MultiDatastream rows.
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiDatastreamReadDesignTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private StaClient sta;
    private final List<Long> multiDatastreams = new ArrayList<>();

    @BeforeAll
    void createTwentyMultiDatastreamsWithObservations() throws SQLException {
        sta = StaClient.newTenant(port, tenants, keys, "mds-design");
        long thing = sta.create("Things", """
                {"name": "Messnetz", "description": "d", "Locations": [{"name": "L", "description": "d",
                 "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [9.5, 51.3]}}]}""");
        long sensor = sta.create("Sensors", """
                {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "https://example.org"}""");
        long first = sta.create("ObservedProperties", "{\"name\": \"P\", \"definition\": \"d\", \"description\": \"d\"}");
        long second = sta.create("ObservedProperties", "{\"name\": \"Q\", \"definition\": \"d\", \"description\": \"d\"}");
        String om = "\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\"";
        for (int i = 0; i < 20; i++) {
            multiDatastreams.add(sta.create("MultiDatastreams", """
                    {"name": "M%d", "description": "d", "multiObservationDataTypes": [%s, %s],
                     "unitOfMeasurements": [{"name": "n", "symbol": "s", "definition": "d"}, {"name": "n", "symbol": "s", "definition": "d"}],
                     "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d},
                     "ObservedProperties": [{"@iot.id": %d}, {"@iot.id": %d}]}"""
                    .formatted(i, om, om, thing, sensor, first, second)));
        }
        long observation = sta.create("MultiDatastreams(" + multiDatastreams.getFirst() + ")/Observations",
                "{\"result\": [1, 2]}");
        long feature = sta.get("Observations(" + observation + ")/FeatureOfInterest").get("@iot.id").asLong();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into sta_observation (multi_datastream_id, feature_of_interest_id, phenomenon_time_start,
                       result_time, result_type, result_json) select m, ?, now() - make_interval(mins => g),
                       case when g % 10 = 0 then now() end, 5, jsonb_build_array(g, g)
                     from unnest(?::bigint[]) m, generate_series(1, 2000) g""")) {
            insert.setLong(1, feature);
            insert.setArray(2, connection.createArrayOf("bigint", multiDatastreams.toArray()));
            insert.executeUpdate();
            connection.createStatement().execute("analyze sta_observation");
        }
    }

    @Test
    void observationsOfAMultiDatastreamByTimeAreReadFromItsIndexWithoutSortingOrScanning() throws SQLException {
        Target target = Target.navigation(EntityType.MULTI_DATASTREAM, multiDatastreams.get(3),
                EntityType.MULTI_DATASTREAM.navigation("Observations").orElseThrow(), null);
        for (String orderBy : List.of("phenomenonTime desc", "phenomenonTime")) {
            Sql page = SelectStatements.page(target, sta.tenant().id(), QueryOptionsParser.parse(Map.of("$orderby", orderBy)),
                    Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 1000, 0);
            assertThat(plan(page)).contains("sta_observation_multi_datastream_time").doesNotContain("Sort")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void theLatestObservationOfEveryMultiDatastreamIsOneIndexDescentEach() throws SQLException {
        long[] ids = multiDatastreams.stream().mapToLong(Long::longValue).toArray();
        Sql expand = SelectStatements.expand(EntityType.MULTI_DATASTREAM,
                EntityType.MULTI_DATASTREAM.navigation("Observations").orElseThrow(), ids,
                QueryOptionsParser.parse(Map.of("$orderby", "phenomenonTime desc")),
                Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 1, 0, false);
        assertThat(plan(expand)).contains("Index Scan Backward using sta_observation_multi_datastream_time")
                .doesNotContain("Sort").doesNotContain("Seq Scan on sta_observation");
    }

    @Test
    void theTimeEnvelopeOfMultiDatastreamsIsAFewIndexDescentsEach() throws SQLException {
        Sql page = SelectStatements.page(Target.collection(EntityType.MULTI_DATASTREAM), sta.tenant().id(),
                QueryOptionsParser.parse(Map.of()), Projection.of(EntityType.MULTI_DATASTREAM,
                        List.of()), GeoResults.NONE, 100, 0);
        String plan = plan(page);
        assertThat(plan).doesNotContain("Seq Scan on sta_observation").doesNotContain("Bitmap Heap Scan on sta_observation")
                .contains("sta_observation_multi_datastream_time", "sta_observation_multi_datastream_result_time");
        tools.jackson.databind.JsonNode entity = sta.get("MultiDatastreams(" + multiDatastreams.get(5) + ")");
        assertThat(entity.get("phenomenonTime").asString()).matches(".+Z/.+Z");
        assertThat(entity.get("resultTime").asString()).matches(".+Z/.+Z");
    }

    private String plan(Sql sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = Statements.prepare(connection, Sql.concat("explain ", sql));
             ResultSet rs = explain.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
