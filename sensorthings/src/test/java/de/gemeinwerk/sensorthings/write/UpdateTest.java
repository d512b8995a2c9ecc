package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH (merge), PUT (replace) and JSON Patch. */
class UpdateTest extends WriterTestBase {

    private void update(Target target, String body) {
        tx(c -> {
            writer.update(c, tenantA, target, json(body));
            return null;
        });
    }

    private void replace(Target target, String body) {
        tx(c -> {
            writer.replace(c, tenantA, target, json(body));
            return null;
        });
    }

    private void patch(Target target, String patch) {
        tx(c -> {
            writer.jsonPatch(c, tenantA, target, json(patch));
            return null;
        });
    }

    private long thing() {
        return create(EntityType.THING, """
                {"name": "T", "description": "d", "properties": {"owner": "Bauhof", "floors": 2}}""");
    }

    private String thingRow(long thing) {
        return (String) column("select concat_ws('|', name, description, properties) from sta_thing where id = ?", thing)
                .getFirst();
    }

    @Test
    void patchChangesOnlyTheGivenProperties() {
        long thing = thing();
        update(Target.entity(EntityType.THING, thing), "{\"name\": \"neu\", \"@iot.id\": " + thing + "}");

        assertThat(thingRow(thing)).isEqualTo("neu|d|{\"owner\": \"Bauhof\", \"floors\": 2}");
    }

    @Test
    void anEmptyPatchChangesNothingButTheEntityMustExist() {
        long thing = thing();
        update(Target.entity(EntityType.THING, thing), "{}");

        assertThat(thingRow(thing)).isEqualTo("T|d|{\"owner\": \"Bauhof\", \"floors\": 2}");
        assertNotFound(() -> update(Target.entity(EntityType.THING, 999_999_999), "{}"));
    }

    @Test
    void anUpdateNamesOneEntity() {
        assertBadRequest(() -> update(Target.collection(EntityType.THING), "{}"), "path", "name one entity");
    }

    @Test
    void theIdCannotChange() {
        long thing = thing();
        assertBadRequest(() -> update(Target.entity(EntityType.THING, thing), "{\"@iot.id\": " + (thing + 1) + "}"),
                "body: /@iot.id", "cannot be changed");
    }

    @Test
    void aPatchCannotChangeToManyRelationsOtherThanAThingsLocations() {
        long datastream = datastream(tenantA);
        long thing = (Long) column("select thing_id from sta_datastream where id = ?", datastream).getFirst();
        assertBadRequest(() -> update(Target.entity(EntityType.THING, thing), "{\"Datastreams\": [{\"@iot.id\": "
                + datastream + "}]}"), "body: /Datastreams", "an update cannot change the Datastreams of a Thing");
        assertBadRequest(() -> update(Target.entity(EntityType.DATASTREAM, datastream), "{\"Thing\": {\"name\": \"x\"}}"),
                "body: /Thing", "an update can only link a Thing that exists");
    }

    @Test
    void aPatchRelinksAToOneRelation() {
        long datastream = datastream(tenantA);
        long other = thing();
        update(Target.entity(EntityType.DATASTREAM, datastream), "{\"Thing\": {\"@iot.id\": " + other + "}}");

        assertThat(column("select thing_id from sta_datastream where id = ?", datastream)).containsExactly(other);
    }

    @Test
    void movingAnObservationToAnotherDatastreamMovesItsCount() {
        long from = datastream(tenantA);
        long to = datastream(tenantA);
        long observation = create(tenantA, navigation(EntityType.DATASTREAM, from, "Observations"), "{\"result\": 1}");

        update(Target.entity(EntityType.OBSERVATION, observation), "{\"Datastream\": {\"@iot.id\": " + to + "}, \"result\": \"x\"}");

        assertThat(observationCount(from)).isZero();
        assertThat(observationCount(to)).isOne();
        assertThat(column("select concat_ws('|', datastream_id, result_type, result_number, result_string)"
                + " from sta_observation where id = ?", observation)).containsExactly(to + "|3|x");
    }

    @Test
    void patchingAGeometryUpdatesItsBoundingBox() {
        long location = create(EntityType.LOCATION, """
                {"name": "L", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""");
        update(Target.entity(EntityType.LOCATION, location), "{\"location\": {\"type\": \"Point\", \"coordinates\": [5, 6]}}");

        assertThat(column("select concat_ws(',', min_x, min_y, max_x, max_y) from sta_location where id = ?", location))
                .containsExactly("5,6,5,6");
    }

    @Test
    void patchingThroughAToOneNavigationChangesThatEntity() {
        long datastream = datastream(tenantA);
        update(navigation(EntityType.DATASTREAM, datastream, "Thing"), "{\"name\": \"über den Pfad\"}");

        assertThat(column("select t.name from sta_thing t join sta_datastream d on d.thing_id = t.id where d.id = ?",
                datastream)).containsExactly("über den Pfad");
    }

    @Test
    void putReplacesEverythingAndNeedsTheRequiredProperties() {
        long thing = thing();
        replace(Target.entity(EntityType.THING, thing), "{\"name\": \"N\", \"description\": \"D\"}");

        assertThat(thingRow(thing)).isEqualTo("N|D");
        assertBadRequest(() -> replace(Target.entity(EntityType.THING, thing), "{\"name\": \"N\"}"), "body",
                "a Thing needs description");
    }

    @Test
    void putOfAnObservationWithoutPhenomenonTimeSetsItToNow() {
        long datastream = datastream(tenantA);
        long observation = create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": 1, "phenomenonTime": "2020-01-01T00:00:00Z", "parameters": {"a": 1}}""");

        replace(Target.entity(EntityType.OBSERVATION, observation), "{\"result\": 2}");

        assertThat(column("select concat_ws('|', phenomenon_time_start, result_number, parameters) from sta_observation"
                + " where id = ?", observation)).containsExactly("2026-01-02 03:04:05+00|2");
    }

    @Test
    void jsonPatchWorksOnTheEntityAsAGetShowsIt() {
        long thing = thing();
        patch(Target.entity(EntityType.THING, thing), """
                [{"op": "test", "path": "/properties/owner", "value": "Bauhof"},
                 {"op": "replace", "path": "/properties/owner", "value": "Stadtwerke"},
                 {"op": "add", "path": "/properties/tags", "value": ["a"]},
                 {"op": "add", "path": "/properties/tags/-", "value": "b"},
                 {"op": "copy", "from": "/name", "path": "/properties/alias"},
                 {"op": "move", "from": "/properties/floors", "path": "/properties/levels"},
                 {"op": "remove", "path": "/properties/alias"}]""");

        assertThat(thingRow(thing)).isEqualTo("T|d|{\"tags\": [\"a\", \"b\"], \"owner\": \"Stadtwerke\", \"levels\": 2}");
    }

    @Test
    void jsonPatchResultIsValidatedLikeAPut() {
        long thing = thing();
        assertBadRequest(() -> patch(Target.entity(EntityType.THING, thing), "[{\"op\": \"remove\", \"path\": \"/name\"}]"),
                "patched entity", "a Thing needs name");
        assertBadRequest(() -> patch(Target.entity(EntityType.THING, thing),
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": 3}]"), "patched entity: /name", "must be a string");
    }

    @Test
    void aFailedJsonPatchTestIsAConflictAndChangesNothing() {
        long thing = thing();
        assertError(() -> patch(Target.entity(EntityType.THING, thing), """
                [{"op": "replace", "path": "/name", "value": "X"},
                 {"op": "test", "path": "/properties/owner", "value": "jemand"}]"""), HttpStatus.CONFLICT, null, "failed");
        assertThat(thingRow(thing)).isEqualTo("T|d|{\"owner\": \"Bauhof\", \"floors\": 2}");
    }

    @Test
    void jsonPatchOfAnObservationKeepsItsTimesAndResult() {
        long datastream = datastream(tenantA);
        long observation = create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": 7, "phenomenonTime": "2020-01-01T00:00:00Z/2020-01-01T01:00:00Z"}""");

        patch(Target.entity(EntityType.OBSERVATION, observation), "[{\"op\": \"add\", \"path\": \"/parameters\","
                + " \"value\": {\"ok\": true}}]");

        assertThat(column("select concat_ws('|', phenomenon_time_start, phenomenon_time_end, result_type, result_number,"
                + " parameters) from sta_observation where id = ?", observation)).containsExactly(
                "2020-01-01 00:00:00+00|2020-01-01 01:00:00+00|2|7|{\"ok\": true}");
    }
}
