package de.gemeinwerk.portal.live;

import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.model.EntityType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch of the change feed means for the map of one tenant: the Datastreams that got new Observations (their
 * latest values are sent), and whether the Things on the map changed (new or moved Things, renamed ones, new
 * Datastreams: the page reloads its GeoJSON). Everything else (Sensors, FeaturesOfInterest, changed Observations
 * that are not the latest) does not show on the map. Pure.
 */
record LiveBatch(Set<Long> datastreams, boolean things) {

    private static final Set<EntityType> ON_THE_MAP = Set.of(EntityType.THING, EntityType.LOCATION,
            EntityType.DATASTREAM, EntityType.OBSERVED_PROPERTY);

    /** Both together: what two batches changed for one tenant. */
    LiveBatch merge(LiveBatch other) {
        Set<Long> both = new TreeSet<>(datastreams);
        both.addAll(other.datastreams);
        return new LiveBatch(both, things || other.things);
    }

    /** Per tenant id, what changed for its map; tenants whose maps see nothing new are left out. */
    static Map<Long, LiveBatch> of(List<Change> changes) {
        Map<Long, Set<Long>> datastreams = new TreeMap<>();
        Set<Long> thingsChanged = new TreeSet<>();
        for (Change change : changes) {
            if (change.type() == EntityType.OBSERVATION && change.kind() == Change.Kind.CREATED
                    && change.datastreamId() != null) {
                datastreams.computeIfAbsent(change.tenantId(), t -> new TreeSet<>()).add(change.datastreamId());
            } else if (ON_THE_MAP.contains(change.type())) {
                thingsChanged.add(change.tenantId());
            }
        }
        Map<Long, LiveBatch> batches = new TreeMap<>();
        datastreams.forEach((tenant, ids) -> batches.put(tenant, new LiveBatch(ids, thingsChanged.contains(tenant))));
        thingsChanged.forEach(tenant -> batches.putIfAbsent(tenant, new LiveBatch(Set.of(), true)));
        return batches;
    }
}
