package de.gemeinwerk.portal.live;

import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LiveBatchTest {

    private static Change created(long tenant, EntityType type, Long datastream, long... ids) {
        return new Change(Change.Kind.CREATED, tenant, type, ids, datastream, Set.of(), false);
    }

    @Test
    void groupsWhatEachTenantsMapShows() {
        Map<Long, LiveBatch> batches = LiveBatch.of(List.of(
                created(1, EntityType.OBSERVATION, 7L, 100, 101),
                created(1, EntityType.OBSERVATION, 9L, 102),
                created(1, EntityType.OBSERVATION, 7L, 103),
                created(2, EntityType.THING, null, 5),
                created(3, EntityType.SENSOR, null, 1),
                created(3, EntityType.FEATURE_OF_INTEREST, null, 1)));
        assertThat(batches).containsOnlyKeys(1L, 2L);
        assertThat(batches.get(1L)).isEqualTo(new LiveBatch(Set.of(7L, 9L), false));
        assertThat(batches.get(2L)).isEqualTo(new LiveBatch(Set.of(), true));
    }

    @Test
    void mergesBatchesThatWaited() {
        LiveBatch merged = new LiveBatch(Set.of(1L), false).merge(new LiveBatch(Set.of(2L), true));
        assertThat(merged).isEqualTo(new LiveBatch(Set.of(1L, 2L), true));
    }
}
