package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Thing's Locations change → they replace the current ones and a HistoricalLocation records it. */
class HistoricalLocationTest extends WriterTestBase {

    private long location(String name) {
        return create(EntityType.LOCATION, """
                {"name": "%s", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""".formatted(name));
    }

    private long thing() {
        return create(EntityType.THING, "{\"name\": \"T\", \"description\": \"d\"}");
    }

    private List<Object> currentLocations(long thing) {
        return column("select location_id from sta_thing_location where thing_id = ? order by location_id", thing);
    }

    /** Per HistoricalLocation of the Thing, oldest first: its Location ids. */
    private List<Object> history(long thing) {
        return column("select string_agg(l.location_id::text, ',' order by l.location_id) from sta_historical_location h"
                + " join sta_location_historical_location l on l.historical_location_id = h.id where h.thing_id = ?"
                + " group by h.id order by h.id", thing);
    }

    @Test
    void aThingCreatedWithLocationsGetsOneHistoricalLocationAtNow() {
        long first = location("A");
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"@iot.id": %d},
                 {"name": "B", "description": "d", "encodingType": "application/geo+json",
                  "location": {"type": "Point", "coordinates": [3, 4]}}]}""".formatted(first));

        assertThat(currentLocations(thing)).hasSize(2).contains(first);
        assertThat(history(thing)).hasSize(1);
        assertThat(column("select time::text from sta_historical_location where thing_id = ?", thing))
                .containsExactly("2026-01-02 03:04:05+00");
    }

    @Test
    void aThingCreatedWithoutLocationsHasNoHistory() {
        assertThat(history(thing())).isEmpty();
    }

    @Test
    void patchingAThingsLocationsReplacesThem() {
        long a = location("A");
        long b = location("B");
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"@iot.id": %d}]}""".formatted(a));

        tx(c -> {
            writer.update(c, tenantA, Target.entity(EntityType.THING, thing), json(
                    "{\"Locations\": [{\"@iot.id\": " + b + "}]}"));
            return null;
        });

        assertThat(currentLocations(thing)).containsExactly(b);
        assertThat(history(thing)).containsExactly(String.valueOf(a), String.valueOf(b));
    }

    @Test
    void postingALocationToAThingMovesTheThingThere() {
        long a = location("A");
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"@iot.id": %d}]}""".formatted(a));

        long b = create(tenantA, navigation(EntityType.THING, thing, "Locations"), """
                {"name": "B", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [3, 4]}}""");

        assertThat(currentLocations(thing)).containsExactly(b);
        assertThat(history(thing)).containsExactly(String.valueOf(a), String.valueOf(b));
    }

    @Test
    void aLocationCreatedWithThingsMovesEachOfThem() {
        long one = thing();
        long two = thing();

        long location = create(EntityType.LOCATION, """
                {"name": "L", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [3, 4]}, "Things": [{"@iot.id": %d}, {"@iot.id": %d}]}"""
                .formatted(one, two));

        assertThat(currentLocations(one)).containsExactly(location);
        assertThat(currentLocations(two)).containsExactly(location);
        assertThat(history(one)).containsExactly(String.valueOf(location));
        assertThat(history(two)).containsExactly(String.valueOf(location));
    }

    @Test
    void theNewestHistoricalLocationCreatedDirectlyBecomesTheThingsLocation() {
        long a = location("A");
        long b = location("B");
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"@iot.id": %d}]}""".formatted(a));

        create(EntityType.HISTORICAL_LOCATION, """
                {"time": "2020-01-01T00:00:00Z", "Thing": {"@iot.id": %d}, "Locations": [{"@iot.id": %d}]}"""
                .formatted(thing, b));
        assertThat(currentLocations(thing)).as("an older entry changes only the history").containsExactly(a);

        create(tenantA, navigation(EntityType.THING, thing, "HistoricalLocations"), """
                {"time": "2030-01-01T00:00:00Z", "Locations": [{"@iot.id": %d}]}""".formatted(b));
        assertThat(currentLocations(thing)).containsExactly(b);
        assertThat(history(thing)).hasSize(3);
    }

    @Test
    void aHistoricalLocationWithoutTimeIsAtNowAndNeedsAThing() {
        long thing = thing();
        long entry = create(tenantA, navigation(EntityType.THING, thing, "HistoricalLocations"), "{}");

        assertThat(column("select time::text from sta_historical_location where id = ?", entry))
                .containsExactly("2026-01-02 03:04:05+00");
        assertBadRequest(() -> create(EntityType.HISTORICAL_LOCATION, "{}"), "body", "a HistoricalLocation needs a Thing");
    }
}
