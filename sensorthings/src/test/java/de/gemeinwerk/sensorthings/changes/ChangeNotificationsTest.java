package de.gemeinwerk.sensorthings.changes;

import de.gemeinwerk.sensorthings.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeNotificationsTest {

    private static Change parse(String payload) {
        List<Change> changes = ChangeNotifications.parse(payload);
        assertThat(changes).hasSize(1);
        return changes.getFirst();
    }

    @Test
    void createdObservationsCarryTheirDatastreamAndIdRanges() {
        Change change = parse("O 3 17 5,7-9,12");
        assertThat(change.kind()).isEqualTo(Change.Kind.CREATED);
        assertThat(change.tenantId()).isEqualTo(3);
        assertThat(change.type()).isEqualTo(EntityType.OBSERVATION);
        assertThat(change.datastreamId()).isEqualTo(17);
        assertThat(change.ids()).containsExactly(5, 7, 8, 9, 12);
    }

    @Test
    void oneNotificationAnnouncesTheObservationsOfManyDatastreamsOfATenant() {
        List<Change> changes = ChangeNotifications.parse("O 3 17 5 18 6-7 40 9");
        assertThat(changes).extracting(Change::datastreamId).containsExactly(17L, 18L, 40L);
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.tenantId()).isEqualTo(3);
            assertThat(change.type()).isEqualTo(EntityType.OBSERVATION);
        });
        assertThat(changes.get(1).ids()).containsExactly(6, 7);
        // a Datastream without its ids: the payload is not understood, nothing of it is delivered
        assertThat(ChangeNotifications.parse("O 3 17 5 18")).isEmpty();
    }

    @Test
    void createdEntitiesAreNamedByTheirTable() {
        Change change = parse("C sta_historical_location 4 21");
        assertThat(change.type()).isEqualTo(EntityType.HISTORICAL_LOCATION);
        assertThat(change.tenantId()).isEqualTo(4);
        assertThat(change.ids()).containsExactly(21);
        assertThat(change.datastreamId()).isNull();
    }

    @Test
    void anUpdateNamesThePropertiesOfTheChangedColumns() {
        Change thing = parse("U sta_thing 1 8 name,properties");
        assertThat(thing.kind()).isEqualTo(Change.Kind.UPDATED);
        assertThat(thing.properties()).extracting(p -> p.name()).containsExactlyInAnyOrder("name", "properties");
        assertThat(thing.relinked()).isFalse();
        Change observation = parse("U sta_observation 1 9 result_number,phenomenon_time_end");
        assertThat(observation.properties()).extracting(p -> p.name()).containsExactlyInAnyOrder("result", "phenomenonTime");
        Change location = parse("U sta_location 1 2 location,min_x,max_x");
        assertThat(location.properties()).extracting(p -> p.name()).containsExactly("location");
        Change relinked = parse("U sta_datastream 1 3 thing_id");
        assertThat(relinked.properties()).isEmpty();
        assertThat(relinked.relinked()).isTrue();
    }

    @Test
    void becomingPublicOrPrivateIsAVisibilityChange() {
        Change change = parse("U sta_multi_datastream 4 12 is_public");
        assertThat(change.kind()).isEqualTo(Change.Kind.VISIBILITY);
        assertThat(change.type()).isEqualTo(de.gemeinwerk.sensorthings.model.EntityType.MULTI_DATASTREAM);
        assertThat(change.tenantId()).isEqualTo(4);
        assertThat(change.ids()).containsExactly(12);
        assertThat(change.properties()).isEmpty();
    }

    @Test
    void whatNoClientSeesIsNoChange() {
        assertThat(ChangeNotifications.parse("U sta_datastream 1 3 some_bookkeeping_column")).isEmpty();
        assertThat(ChangeNotifications.parse("X something new")).isEmpty();
        assertThat(ChangeNotifications.parse("C sta_unknown 1 2")).isEmpty();
        assertThat(ChangeNotifications.parse("O 1 2")).isEmpty();
        assertThat(ChangeNotifications.parse("O 1 2 3-x")).isEmpty();
    }
}
