package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Nothing of tenant B can be linked, changed or deleted through tenant A — and it looks like it does not exist. */
class TenantIsolationTest extends WriterTestBase {

    private long foreignThing;
    private long foreignLocation;
    private long foreignDatastream;
    private long foreignObservation;

    private void foreignData() {
        foreignDatastream = datastream(tenantB);
        foreignThing = (Long) column("select thing_id from sta_datastream where id = ?", foreignDatastream).getFirst();
        foreignLocation = (Long) column("select location_id from sta_thing_location where thing_id = ?", foreignThing)
                .getFirst();
        foreignObservation = create(tenantB, navigation(EntityType.DATASTREAM, foreignDatastream, "Observations"),
                "{\"result\": 1}");
    }

    /** The error for another tenant's id reads like the one for an id nobody has. */
    private static void looksMissing(ThrowingCallable foreign, ThrowingCallable missing, String foreignId, String missingId) {
        ApiException a = catchThrowableOfType(ApiException.class, foreign);
        ApiException b = catchThrowableOfType(ApiException.class, missing);
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.where()).isEqualTo(b.where());
        assertThat(a.getMessage().replace(foreignId, "ID")).isEqualTo(b.getMessage().replace(missingId, "ID"));
    }

    @Test
    void anotherTenantsEntitiesCannotBeLinked() {
        foreignData();
        String thingWithLocation = "{\"name\": \"T\", \"description\": \"d\", \"Locations\": [{\"@iot.id\": %d}]}";
        looksMissing(() -> create(EntityType.THING, thingWithLocation.formatted(foreignLocation)),
                () -> create(EntityType.THING, thingWithLocation.formatted(999_999_999L)),
                String.valueOf(foreignLocation), "999999999");

        long thing = create(EntityType.THING, "{\"name\": \"T\", \"description\": \"d\"}");
        assertBadRequest(() -> tx(c -> {
            writer.addLink(c, tenantA, navigation(EntityType.THING, thing, "Locations"),
                    json("{\"@iot.id\": " + foreignLocation + "}"));
            return null;
        }), "body: /@iot.id", "does not exist");
        long datastream = datastream(tenantA);
        assertBadRequest(() -> tx(c -> {
            writer.setLink(c, tenantA, navigation(EntityType.DATASTREAM, datastream, "Thing"),
                    json("{\"@iot.id\": " + foreignThing + "}"));
            return null;
        }), "body: /@iot.id", "does not exist");
        assertBadRequest(() -> tx(c -> {
            writer.update(c, tenantA, Target.entity(EntityType.DATASTREAM, datastream),
                    json("{\"Thing\": {\"@iot.id\": " + foreignThing + "}}"));
            return null;
        }), "body: /Thing", "does not exist");
        // nor can A's entities be pulled into B's
        assertBadRequest(() -> tx(c -> {
            writer.addLink(c, tenantA, navigation(EntityType.THING, thing, "Datastreams"),
                    json("{\"@iot.id\": " + foreignDatastream + "}"));
            return null;
        }), "body: /@iot.id", "does not exist");

        assertThat(count("select count(*) from sta_thing_location where location_id = ?", foreignLocation)).isOne();
        assertThat(column("select thing_id from sta_datastream where id = ?", foreignDatastream)).containsExactly(foreignThing);
    }

    @Test
    void anotherTenantsEntitiesCannotBeChangedOrDeleted() {
        foreignData();
        for (Target target : new Target[] {Target.entity(EntityType.THING, foreignThing),
                Target.entity(EntityType.OBSERVATION, foreignObservation), Target.entity(EntityType.LOCATION, foreignLocation)}) {
            assertNotFound(() -> tx(c -> {
                writer.update(c, tenantA, target, json("{}"));
                return null;
            }));
            assertNotFound(() -> tx(c -> {
                writer.jsonPatch(c, tenantA, target, json("[]"));
                return null;
            }));
            assertNotFound(() -> tx(c -> {
                writer.delete(c, tenantA, target);
                return null;
            }));
        }
        assertNotFound(() -> tx(c -> {
            writer.removeLink(c, tenantA, navigation(EntityType.THING, foreignThing, "Locations", foreignLocation));
            return null;
        }));

        assertThat(count("select count(*) from sta_thing where id = ?", foreignThing)).isOne();
        assertThat(count("select count(*) from sta_observation where id = ?", foreignObservation)).isOne();
        assertThat(count("select count(*) from sta_thing_location where thing_id = ?", foreignThing)).isOne();
        assertThat(observationCount(foreignDatastream)).isOne();
    }
}
