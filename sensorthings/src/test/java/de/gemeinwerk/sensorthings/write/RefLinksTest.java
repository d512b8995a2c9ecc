package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** $ref: POST adds a link to a collection, PUT sets a single one, DELETE removes one. */
class RefLinksTest extends WriterTestBase {

    private void addLink(Target target, String body) {
        tx(c -> {
            writer.addLink(c, tenantA, target, json(body));
            return null;
        });
    }

    private void setLink(Target target, String body) {
        tx(c -> {
            writer.setLink(c, tenantA, target, json(body));
            return null;
        });
    }

    private void removeLink(Target target) {
        tx(c -> {
            writer.removeLink(c, tenantA, target);
            return null;
        });
    }

    private long location() {
        return create(EntityType.LOCATION, """
                {"name": "L", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""");
    }

    private long thing() {
        return create(EntityType.THING, "{\"name\": \"T\", \"description\": \"d\"}");
    }

    @Test
    void addingALocationToAThingMovesItAndRecordsTheMove() {
        long thing = thing();
        long first = location();
        long second = location();

        addLink(navigation(EntityType.THING, thing, "Locations"), "{\"@iot.id\": " + first + "}");
        addLink(navigation(EntityType.THING, thing, "Locations"),
                "{\"@iot.selfLink\": \"https://example.org/sta/v1.1/Locations(" + second + ")\"}");

        assertThat(column("select location_id from sta_thing_location where thing_id = ?", thing)).containsExactly(second);
        assertThat(count("select count(*) from sta_historical_location where thing_id = ?", thing)).isEqualTo(2);
    }

    @Test
    void addingADatastreamToAThingRepointsIt() {
        long datastream = datastream(tenantA);
        long thing = thing();

        addLink(navigation(EntityType.THING, thing, "Datastreams"), "{\"@iot.id\": " + datastream + "}");

        assertThat(column("select thing_id from sta_datastream where id = ?", datastream)).containsExactly(thing);
    }

    @Test
    void settingAToOneLinkRepointsTheParent() {
        long datastream = datastream(tenantA);
        long thing = thing();

        setLink(navigation(EntityType.DATASTREAM, datastream, "Thing"), "{\"@iot.id\": " + thing + "}");

        assertThat(column("select thing_id from sta_datastream where id = ?", datastream)).containsExactly(thing);
    }

    @Test
    void settingAnObservationsDatastreamMovesTheCount() {
        long from = datastream(tenantA);
        long to = datastream(tenantA);
        long observation = create(tenantA, navigation(EntityType.DATASTREAM, from, "Observations"), "{\"result\": 1}");

        setLink(navigation(EntityType.OBSERVATION, observation, "Datastream"), "{\"@iot.id\": " + to + "}");

        assertThat(observationCount(from)).isZero();
        assertThat(observationCount(to)).isOne();
    }

    @Test
    void removingALinkTableLinkDeletesOnlyTheLink() {
        long location = location();
        long thing = create(EntityType.THING, "{\"name\": \"T\", \"description\": \"d\", \"Locations\": [{\"@iot.id\": "
                + location + "}]}");

        removeLink(navigation(EntityType.THING, thing, "Locations", location));

        assertThat(count("select count(*) from sta_thing_location where thing_id = ?", thing)).isZero();
        assertThat(count("select count(*) from sta_location where id = ?", location)).isOne();
        assertNotFound(() -> removeLink(navigation(EntityType.THING, thing, "Locations", location)));
    }

    @Test
    void aRequiredRelationCannotBeRemoved() {
        long datastream = datastream(tenantA);
        long thing = (Long) column("select thing_id from sta_datastream where id = ?", datastream).getFirst();

        assertBadRequest(() -> removeLink(navigation(EntityType.THING, thing, "Datastreams", datastream)), "path",
                "a Datastream cannot exist without its Thing");
        assertBadRequest(() -> removeLink(navigation(EntityType.DATASTREAM, datastream, "Thing")), "path",
                "a Datastream cannot exist without its Thing");
    }

    @Test
    void rejectsBadReferences() {
        long thing = thing();
        Target locations = navigation(EntityType.THING, thing, "Locations");
        assertBadRequest(() -> addLink(locations, "{\"@iot.selfLink\": \"https://x/Things(1)\"}"), "body: /@iot.selfLink",
                "the reference must name a Location");
        assertBadRequest(() -> addLink(locations, "{}"), "body", "the reference must name a Location");
        assertBadRequest(() -> addLink(locations, "{\"@iot.id\": 999999999}"), "body: /@iot.id",
                "Location 999999999 does not exist");
        assertBadRequest(() -> setLink(locations, "{\"@iot.id\": 1}"), "path", "set a link through a single related entity");
        assertBadRequest(() -> addLink(navigation(EntityType.DATASTREAM, 1, "Thing"), "{\"@iot.id\": 1}"), "path",
                "add a link through a collection");
    }
}
