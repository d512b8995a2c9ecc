package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.QueryPlans;
import de.gemeinwerk.sensorthings.SensorThingsTest;
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

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hidden rows' conditions keep the plans of the hot reads: checked with EXPLAIN on a tenant with private entities
 * and some thousand Observations, read as the public (who gets the conditions).
 */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityDesignTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;
    @Autowired
    Visibility visibility;
    @Autowired
    ReadScopes scopes;

    private StaClient sta;
    private long feature;
    private final List<Long> datastreams = new ArrayList<>();
    private ReadScope asThePublic;

    @BeforeAll
    void createTenDatastreamsOfFiveHundredObservations() throws SQLException {
        sta = StaClient.newTenant(port, tenants, keys, "plan");
        long thing = sta.create("Things", "{\"name\": \"Messnetz\", \"description\": \"d\"}");
        long sensor = sta.create("Sensors", """
                {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m"}""");
        long property = sta.create("ObservedProperties", "{\"name\": \"P\", \"definition\": \"p\", \"description\": \"d\"}");
        for (int i = 0; i < 10; i++) {
            datastreams.add(sta.create("Datastreams", """
                    {"name": "D%d", "description": "d", "observationType":
                     "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                     "unitOfMeasurement": {"name": "n", "symbol": "s", "definition": "d"},
                     "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperty": {"@iot.id": %d}}"""
                    .formatted(i, thing, sensor, property)));
        }
        long first = sta.create("Datastreams(" + datastreams.getFirst() + ")/Observations", """
                {"result": 1, "FeatureOfInterest": {"name": "F", "description": "d", "encodingType":
                 "application/geo+json", "feature": {"type": "Point", "coordinates": [9.5, 51.3]}}}""");
        feature = sta.get("Observations(" + first + ")/FeatureOfInterest").get("@iot.id").asLong();
        MinutelyObservations.insert(dataSource, datastreams, feature, 500);
        visibility.setPublic(sta.tenant().id(), EntityType.DATASTREAM, datastreams.getLast(), false);
        asThePublic = scopes.ofPublic(sta.tenant().id());
        assertThat(asThePublic.hidesPrivate()).isTrue();
    }

    private String plan(Target target, Map<String, String> options, int top) throws SQLException {
        QueryOptions parsed = QueryOptionsParser.parse(options);
        Sql page = SelectStatements.page(target, asThePublic, parsed, Projection.of(target.type(), List.of()),
                GeoResults.NONE, top, 0);
        return QueryPlans.of(dataSource, page);
    }

    @Test
    void theObservationsOfAVisibleDatastreamAreReadAlongTheTimeIndexWithoutACondition() throws SQLException {
        Target observations = Target.navigation(EntityType.DATASTREAM, datastreams.getFirst(),
                EntityType.DATASTREAM.navigation("Observations").orElseThrow(), null);
        String plan = plan(observations, Map.of("$orderby", "phenomenonTime desc"), 1000);
        assertThat(plan).contains("Index Scan Backward using sta_observation_datastream_time").doesNotContain("Sort")
                .doesNotContain("Seq Scan").doesNotContain("is_public");
    }

    @Test
    void theObservationsOfAFeatureAreKeptToTheVisibleDatastreamsOfTheTenantSelectedOnce() throws SQLException {
        Target observations = Target.navigation(EntityType.FEATURE_OF_INTEREST, feature,
                EntityType.FEATURE_OF_INTEREST.navigation("Observations").orElseThrow(), null);
        String plan = plan(observations, Map.of(), 100);
        assertThat(plan).doesNotContain("Seq Scan on sta_observation").contains("hashed SubPlan")
                .contains("tenant_id = " + sta.tenant().id() + ")");
    }

    @Test
    void theTenantsObservationsSelectTheVisibleDatastreamsOnce() throws SQLException {
        String plan = plan(Target.collection(EntityType.OBSERVATION), Map.of("$filter", "result gt 250"), 100);
        assertThat(plan).doesNotContain("Seq Scan on sta_observation").contains("SubPlan");
    }

    @Test
    void theExpandedObservationsOfVisibleDatastreamsAreOneIndexDescentEachWithoutACondition() throws SQLException {
        Sql expand = SelectStatements.expand(EntityType.DATASTREAM,
                EntityType.DATASTREAM.navigation("Observations").orElseThrow(),
                datastreams.stream().mapToLong(Long::longValue).toArray(), asThePublic,
                QueryOptionsParser.parse(Map.of("$orderby", "phenomenonTime desc")),
                Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 3, 0, false);
        assertThat(QueryPlans.of(dataSource, expand)).contains("Index Scan Backward using sta_observation_datastream_time")
                .doesNotContain("Sort").doesNotContain("is_public");
    }
}
