package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.QueryPlans;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.MinutelyObservations;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance design of reads, checked against the real database: what FROST-Server's known problems
 * (per-row triggers, sorts on big tables, one query per expanded parent) must never creep back — for the Observations
 * of Datastreams and of MultiDatastreams (whose partial index serves their reads and their time envelope).
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadDesignTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;
    @Autowired
    EntityReader reader;

    private StaClient sta;
    private final List<Long> datastreams = new ArrayList<>();
    private final List<Long> multiDatastreams = new ArrayList<>();

    @BeforeAll
    void createThirtyDatastreamsWithObservations() throws SQLException {
        sta = StaClient.newTenant(port, tenants, keys, "design");
        long thing = sta.create("Things", """
                {"name": "Messnetz", "description": "d", "Locations": [{"name": "L", "description": "d",
                 "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [9.5, 51.3]}}]}""");
        long sensor = sta.create("Sensors", """
                {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "https://example.org"}""");
        long property = sta.create("ObservedProperties", """
                {"name": "P", "definition": "https://example.org/p", "description": "d"}""");
        for (int i = 0; i < 30; i++) {
            datastreams.add(sta.create("Datastreams", """
                    {"name": "D%d", "description": "d", "observationType":
                     "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                     "unitOfMeasurement": {"name": "n", "symbol": "s", "definition": "d"},
                     "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperty": {"@iot.id": %d}}"""
                    .formatted(i, thing, sensor, property)));
        }
        createMultiDatastreams(thing, sensor, property);
        long feature = sta.create("Datastreams(" + datastreams.getFirst() + ")/Observations", "{\"result\": 1}");
        long featureId = sta.get("Observations(" + feature + ")/FeatureOfInterest").get("@iot.id").asLong();
        MinutelyObservations.insert(dataSource, datastreams, featureId, 2000);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into sta_observation (multi_datastream_id, feature_of_interest_id, phenomenon_time_start,
                       result_time, result_type, result_json) select m, ?, now() - make_interval(mins => g),
                       case when g % 10 = 0 then now() end, 5, jsonb_build_array(g, g)
                     from unnest(?::bigint[]) m, generate_series(1, 2000) g""")) {
            insert.setLong(1, featureId);
            insert.setArray(2, connection.createArrayOf("bigint", multiDatastreams.toArray()));
            insert.executeUpdate();
            connection.createStatement().execute("analyze sta_observation");
        }
    }

    /** Twenty MultiDatastreams of two ObservedProperties each, for the tests of their indexes. */
    private void createMultiDatastreams(long thing, long sensor, long property) {
        long second = sta.create("ObservedProperties", "{\"name\": \"Q\", \"definition\": \"d\", \"description\": \"d\"}");
        String om = "\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\"";
        String unit = "{\"name\": \"n\", \"symbol\": \"s\", \"definition\": \"d\"}";
        for (int i = 0; i < 20; i++) {
            multiDatastreams.add(sta.create("MultiDatastreams", """
                    {"name": "M%d", "description": "d", "multiObservationDataTypes": [%s, %s], "unitOfMeasurements": [%s, %s],
                     "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperties": [{"@iot.id": %d}, {"@iot.id": %d}]}"""
                    .formatted(i, om, om, unit, unit, thing, sensor, property, second)));
        }
    }

    @Test
    void theObservationTableHasNoPerRowTriggers() throws SQLException {
        // Foreign keys are per-row triggers inside PostgreSQL too, so this also proves there are none. The change
        // feed's triggers (package changes) run once per statement, however many rows it inserts (tgtype bit 0 unset).
        try (Connection connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery(
                "select count(*) from pg_trigger where tgrelid = 'sta_observation'::regclass and tgtype & 1 = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void observationsOfADatastreamOrMultiDatastreamByTimeAreReadFromItsIndexWithoutSortingOrScanning() throws SQLException {
        Map<EntityType, Long> parents = Map.of(EntityType.DATASTREAM, datastreams.get(3),
                EntityType.MULTI_DATASTREAM, multiDatastreams.get(3));
        for (Map.Entry<EntityType, Long> parent : parents.entrySet()) {
            Target target = Target.navigation(parent.getKey(), parent.getValue(),
                    parent.getKey().navigation("Observations").orElseThrow(), null);
            for (String orderBy : List.of("phenomenonTime desc", "phenomenonTime")) {
                Sql page = SelectStatements.page(target, ReadScope.all(sta.tenant().id()), options("$orderby", orderBy),
                        Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 1000, 0);
                assertThat(plan(page)).as(parent.getKey().entityName()).contains("Index Scan").doesNotContain("Sort")
                        .doesNotContain("Seq Scan");
            }
        }
    }

    @Test
    void theLatestObservationOfEveryDatastreamOrMultiDatastreamIsOneIndexDescentEach() throws SQLException {
        Map<EntityType, List<Long>> parents = Map.of(EntityType.DATASTREAM, datastreams,
                EntityType.MULTI_DATASTREAM, multiDatastreams);
        for (Map.Entry<EntityType, List<Long>> parent : parents.entrySet()) {
            long[] ids = parent.getValue().stream().mapToLong(Long::longValue).toArray();
            Sql expand = SelectStatements.expand(parent.getKey(), parent.getKey().navigation("Observations").orElseThrow(),
                    ids, ReadScope.all(sta.tenant().id()), options("$orderby", "phenomenonTime desc"), Projection.of(EntityType.OBSERVATION, List.of()),
                    GeoResults.NONE, 1, 0, false);
            assertThat(plan(expand)).as(parent.getKey().entityName()).contains("Index Scan Backward")
                    .doesNotContain("Sort").doesNotContain("Seq Scan on sta_observation");
        }
    }

    @Test
    void theTimeEnvelopeOfMultiDatastreamsIsAFewIndexDescentsEach() throws SQLException {
        Sql page = SelectStatements.page(Target.collection(EntityType.MULTI_DATASTREAM), ReadScope.all(sta.tenant().id()),
                QueryOptions.NONE, Projection.of(EntityType.MULTI_DATASTREAM,
                        List.of()), GeoResults.NONE, 100, 0);
        String plan = plan(page);
        assertThat(plan).doesNotContain("Seq Scan on sta_observation").doesNotContain("Bitmap Heap Scan on sta_observation")
                .contains("sta_observation_multi_datastream_time", "sta_observation_multi_datastream_result_time");
        JsonNode entity = sta.get("MultiDatastreams(" + multiDatastreams.get(5) + ")");
        assertThat(entity.get("phenomenonTime").asString()).matches(".+Z/.+Z");
        assertThat(entity.get("resultTime").asString()).matches(".+Z/.+Z");
    }

    @Test
    void expandRunsTheSameNumberOfStatementsForThreeAndForThirtyParents() throws SQLException {
        QueryOptions options = QueryOptionsParser.parse(Map.of("$expand",
                "Observations($top=1;$orderby=phenomenonTime desc),Thing($expand=Locations),Sensor", "$count", "true"));
        int few = statementsFor(options, 3);
        int many = statementsFor(options, 30);
        // the page; the count with its time budget set and reset; one per expanded navigation
        // (Observations, Thing, Thing/Locations, Sensor) — whatever the number of parents
        assertThat(few).isEqualTo(1 + 3 + 4);
        assertThat(many).isEqualTo(few);
    }

    @Test
    void aCountBeyondItsTimeBudgetIsAnsweredWithTheEstimateOutsideATransactionToo() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            BoundedCount.Count slow = BoundedCount.of(connection,
                    Sql.of("select count(*) from generate_series(1, 200000000)"), 50);
            assertThat(slow.estimated()).isTrue();
            connection.createStatement().execute("select pg_sleep(0.1)");
        }
    }

    @Test
    void aCountBeyondItsTimeBudgetIsAnsweredWithTheEstimateAndTheTransactionGoesOn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            BoundedCount.Count slow = BoundedCount.of(connection,
                    Sql.of("select count(*) from generate_series(1, 200000000)"), 50);
            assertThat(slow).isEqualTo(new BoundedCount.Count(200_000_000, true));
            // no time limit is left behind for the rest of the transaction
            connection.createStatement().execute("select pg_sleep(0.1)");
            BoundedCount.Count fast = BoundedCount.of(connection, Sql.of("select count(*) from generate_series(1, 1000)"), 5000);
            assertThat(fast).isEqualTo(new BoundedCount.Count(1000, false));
            connection.createStatement().execute("select pg_sleep(0.1)");
            connection.rollback();
        }
    }

    private int statementsFor(QueryOptions options, int parents) throws SQLException {
        AtomicInteger statements = new AtomicInteger();
        try (Connection real = dataSource.getConnection()) {
            Connection counting = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        return method.invoke(real, args);
                    });
            QueryOptions page = new QueryOptions(parents, null, options.count(), List.of(), List.of(), options.expand(),
                    null, null);
            EntityReader.Page result = reader.read(counting, Target.collection(EntityType.DATASTREAM), ReadScope.all(sta.tenant().id()),
                    page, Projection.of(EntityType.DATASTREAM, List.of()),
                    ExpandNode.of(EntityType.DATASTREAM, options.expand()));
            assertThat(result.rows()).hasSize(parents);
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.expanded()).hasSize(3));
        }
        return statements.get();
    }

    private static QueryOptions options(String name, String value) {
        return QueryOptionsParser.parse(Map.of(name, value));
    }

    private String plan(Sql sql) throws SQLException {
        return QueryPlans.of(dataSource, sql);
    }
}
