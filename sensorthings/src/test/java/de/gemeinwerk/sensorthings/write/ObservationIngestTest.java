package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest path: one statement per Observation, the generated FeatureOfInterest, tenant confinement. */
class ObservationIngestTest extends WriterTestBase {

    /** A connection that counts the statements prepared on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return method.invoke(connection, args);
                });
    }

    private int statementsFor(Target target, String body) {
        AtomicInteger statements = new AtomicInteger();
        tx(c -> writer.create(counting(c, statements), tenantA, target, json(body)));
        return statements.get();
    }

    @Test
    void anObservationPostedToItsDatastreamTakesOneStatementOnceTheFeatureExists() {
        long datastream = datastream(tenantA);
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        int first = statementsFor(observations, "{\"result\": 1}");

        assertThat(first).as("first: the FeatureOfInterest is generated").isEqualTo(3);
        assertThat(statementsFor(observations, "{\"result\": 2, \"phenomenonTime\": \"2026-01-01T00:00:00Z\"}")).isOne();
        assertThat(statementsFor(Target.collection(EntityType.OBSERVATION),
                "{\"result\": 3, \"Datastream\": {\"@iot.id\": " + datastream + "}}")).isOne();
        long feature = (Long) column("select feature_of_interest_id from sta_observation where datastream_id = ? limit 1",
                datastream).getFirst();
        assertThat(statementsFor(observations, "{\"result\": 4, \"FeatureOfInterest\": {\"@iot.id\": " + feature + "}}"))
                .isOne();
        assertThat(observationCount(datastream)).isEqualTo(4);
    }

    @Test
    void theGeneratedFeatureComesFromTheThingsLowestIdLocationAndIsCreatedOnce() {
        long datastream = datastream(tenantA);
        long location = (Long) column("select tl.location_id from sta_datastream d join sta_thing_location tl"
                + " on tl.thing_id = d.thing_id where d.id = ?", datastream).getFirst();
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        create(tenantA, observations, "{\"result\": 1}");
        create(tenantA, observations, "{\"result\": 2}");

        assertThat(column("select concat_ws('|', name, description, encoding_type, feature, min_x, tenant_id)"
                + " from sta_feature_of_interest where generated_from_location_id = ?", location)).containsExactly(
                "Brücke|an der Brücke|application/geo+json|{\"type\": \"Point\", \"coordinates\": [8.5, 49.5]}|8.5|" + tenantA);
        assertThat(count("select count(distinct feature_of_interest_id) from sta_observation where datastream_id = ?",
                datastream)).isOne();
    }

    @Test
    void twoConcurrentFirstObservationsShareOneGeneratedFeature() throws Exception {
        long datastream = datastream(tenantA);
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            writer.create(first, tenantA, observations, json("{\"result\": 1}"));
            // the second one waits on the unique generated_from_location_id until the first commits
            CompletableFuture<EntityWriter.Created> racing = CompletableFuture.supplyAsync(
                    () -> writer.create(second, tenantA, observations, json("{\"result\": 2}")));
            Thread.sleep(300);
            assertThat(racing).isNotDone();
            first.commit();
            racing.get(10, TimeUnit.SECONDS);
            second.commit();
        }

        assertThat(count("select count(*) from sta_observation where datastream_id = ?", datastream)).isEqualTo(2);
        assertThat(count("select count(distinct feature_of_interest_id) from sta_observation where datastream_id = ?",
                datastream)).isOne();
        assertThat(count("select count(*) from sta_feature_of_interest where tenant_id = ?", tenantA)).isOne();
    }

    @Test
    void anObservationWhoseThingHasNoLocationNeedsAFeatureOfInterest() {
        long thing = create(EntityType.THING, "{\"name\": \"T\", \"description\": \"d\"}");
        long datastream = create(tenantA, navigation(EntityType.THING, thing, "Datastreams"), """
                {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m"},
                 "ObservedProperty": {"name": "P", "definition": "http://p", "description": "d"}}""".formatted(MEASUREMENT));

        assertBadRequest(() -> create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), "{\"result\": 1}"),
                "body", "an Observation needs a FeatureOfInterest; its Thing has no Location to derive one from");
        assertThat(observationCount(datastream)).isZero();
    }

    @Test
    void aDatastreamOfAnotherTenantIsNeverWrittenTo() {
        long foreign = datastream(tenantB);
        create(tenantB, navigation(EntityType.DATASTREAM, foreign, "Observations"), "{\"result\": 0}");

        assertBadRequest(() -> create(EntityType.OBSERVATION, "{\"result\": 1, \"Datastream\": {\"@iot.id\": " + foreign + "}}"),
                "body: /Datastream", "Datastream " + foreign + " does not exist");
        // a path the resolver would not have let through: still nothing is written
        assertNotFound(() -> create(tenantA, navigation(EntityType.DATASTREAM, foreign, "Observations"), "{\"result\": 1}"));
        assertThat(count("select count(*) from sta_observation where datastream_id = ?", foreign)).isOne();
        assertThat(observationCount(foreign)).isOne();
    }

    @Test
    void aFeatureOfInterestOfAnotherTenantCannotBeUsed() {
        long datastream = datastream(tenantA);
        long foreignDatastream = datastream(tenantB);
        create(tenantB, navigation(EntityType.DATASTREAM, foreignDatastream, "Observations"), "{\"result\": 0}");
        long foreignFeature = (Long) column("select feature_of_interest_id from sta_observation where datastream_id = ?",
                foreignDatastream).getFirst();

        assertBadRequest(() -> create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"),
                "{\"result\": 1, \"FeatureOfInterest\": {\"@iot.id\": " + foreignFeature + "}}"),
                "body: /FeatureOfInterest", "FeatureOfInterest " + foreignFeature + " does not exist");
        assertThat(observationCount(datastream)).isZero();
    }

    @Test
    void anObservationCreatesItsNewDatastreamFirst() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"name": "L", "description": "d",
                 "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [1, 2]}}]}""");

        long observation = create(EntityType.OBSERVATION, """
                {"result": 5, "Datastream": {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                  "Thing": {"@iot.id": %d},
                  "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m"},
                  "ObservedProperty": {"name": "P", "definition": "http://p", "description": "d"}}}"""
                .formatted(MEASUREMENT, thing));

        long datastream = (Long) column("select datastream_id from sta_observation where id = ?", observation).getFirst();
        assertThat(column("select thing_id from sta_datastream where id = ?", datastream)).containsExactly(thing);
        assertThat(observationCount(datastream)).isOne();
    }
}
