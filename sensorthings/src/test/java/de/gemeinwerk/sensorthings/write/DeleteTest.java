package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE with the cascades of the specification, Observations and their counts included. */
class DeleteTest extends WriterTestBase {

    private void delete(Target target) {
        tx(c -> {
            writer.delete(c, tenantA, target);
            return null;
        });
    }

    /** A Datastream with two Observations; returns the Datastream. */
    private long datastreamWithObservations() {
        long datastream = datastream(tenantA);
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        create(tenantA, observations, "{\"result\": 1}");
        create(tenantA, observations, "{\"result\": 2}");
        return datastream;
    }

    private long thingOf(long datastream) {
        return (Long) column("select thing_id from sta_datastream where id = ?", datastream).getFirst();
    }

    private void assertDatastreamGone(long datastream) {
        assertThat(count("select count(*) from sta_datastream where id = ?", datastream)).isZero();
        assertThat(count("select count(*) from sta_observation where datastream_id = ?", datastream)).isZero();
        assertThat(count("select count(*) from sta_datastream_extent where datastream_id = ?", datastream)).isZero();
    }

    @Test
    void aThingTakesItsDatastreamsObservationsAndHistoryButNotItsLocations() {
        long datastream = datastreamWithObservations();
        long thing = thingOf(datastream);

        delete(Target.entity(EntityType.THING, thing));

        assertDatastreamGone(datastream);
        assertThat(count("select count(*) from sta_historical_location where thing_id = ?", thing)).isZero();
        assertThat(count("select count(*) from sta_location where tenant_id = ?", tenantA)).isOne();
    }

    @Test
    void aDatastreamTakesItsObservationsAndCounts() {
        long datastream = datastreamWithObservations();
        delete(Target.entity(EntityType.DATASTREAM, datastream));
        assertDatastreamGone(datastream);
    }

    @Test
    void aSensorOrObservedPropertyTakesItsDatastreams() {
        long first = datastreamWithObservations();
        long second = datastreamWithObservations();

        delete(navigation(EntityType.DATASTREAM, first, "Sensor"));
        delete(navigation(EntityType.DATASTREAM, second, "ObservedProperty"));

        assertDatastreamGone(first);
        assertDatastreamGone(second);
    }

    @Test
    void aLocationTakesItsLinksAndTheHistoryLeftWithoutLocation() {
        long datastream = datastreamWithObservations();
        long thing = thingOf(datastream);
        long location = (Long) column("select location_id from sta_thing_location where thing_id = ?", thing).getFirst();
        long shared = (Long) column("select id from sta_historical_location where thing_id = ?", thing).getFirst();
        long other = create(EntityType.LOCATION, """
                {"name": "L2", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""");
        tx(c -> {
            writer.addLink(c, tenantA, navigation(EntityType.HISTORICAL_LOCATION, shared, "Locations"),
                    json("{\"@iot.id\": " + other + "}"));
            return null;
        });
        long feature = (Long) column("select id from sta_feature_of_interest where generated_from_location_id = ?", location)
                .getFirst();
        create(tenantA, Target.collection(EntityType.HISTORICAL_LOCATION), """
                {"time": "2000-01-01T00:00:00Z", "Thing": {"@iot.id": %d}, "Locations": [{"@iot.id": %d}]}"""
                .formatted(thing, location));

        delete(Target.entity(EntityType.LOCATION, location));

        assertThat(count("select count(*) from sta_thing_location where location_id = ?", location)).isZero();
        assertThat(column("select id from sta_historical_location where thing_id = ?", thing)).containsExactly(shared);
        // the generated feature and its observations stay
        assertThat(column("select generated_from_location_id from sta_feature_of_interest where id = ?", feature))
                .containsExactly((Object) null);
        assertThat(observationCount(datastream)).isEqualTo(2);
    }

    @Test
    void aFeatureOfInterestTakesItsObservationsFromEveryDatastream() {
        long first = datastreamWithObservations();
        long feature = (Long) column("select feature_of_interest_id from sta_observation where datastream_id = ? limit 1",
                first).getFirst();
        long second = datastream(tenantA);
        create(tenantA, navigation(EntityType.DATASTREAM, second, "Observations"),
                "{\"result\": 3, \"FeatureOfInterest\": {\"@iot.id\": " + feature + "}}");

        delete(Target.entity(EntityType.FEATURE_OF_INTEREST, feature));

        assertThat(count("select count(*) from sta_observation where feature_of_interest_id = ?", feature)).isZero();
        assertThat(observationCount(first)).isZero();
        assertThat(observationCount(second)).isZero();
    }

    @Test
    void anObservationGivesANegativeDelta() {
        long datastream = datastreamWithObservations();
        long observation = (Long) column("select min(id) from sta_observation where datastream_id = ?", datastream).getFirst();

        delete(navigation(EntityType.DATASTREAM, datastream, "Observations", observation));

        assertThat(observationCount(datastream)).isOne();
        assertNotFound(() -> delete(Target.entity(EntityType.OBSERVATION, observation)));
    }

    @Test
    void aHistoricalLocationGoesAlone() {
        long datastream = datastreamWithObservations();
        long thing = thingOf(datastream);
        long entry = (Long) column("select id from sta_historical_location where thing_id = ?", thing).getFirst();

        delete(Target.entity(EntityType.HISTORICAL_LOCATION, entry));

        assertThat(count("select count(*) from sta_historical_location where id = ?", entry)).isZero();
        assertThat(count("select count(*) from sta_thing_location where thing_id = ?", thing)).isOne();
    }

    @Test
    void aMissingEntityIsNotFound() {
        assertNotFound(() -> delete(Target.entity(EntityType.THING, 999_999_999)));
        long datastream = datastream(tenantA);
        assertNotFound(() -> delete(navigation(EntityType.DATASTREAM, datastream, "Observations", 999_999_999)));
    }
}
