package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.sql.Target;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The ingest hot path: {@code POST Datastreams(n)/Observations} with a body that creates nothing but the
 * Observation. The writer stores such an Observation with one statement that itself checks and locks the
 * Datastream within the tenant, so the path needs no separate lookup, and that statement is its own
 * transaction (autocommit): one database round trip per acknowledged Observation instead of four.
 */
final class ObservationLane {

    private static final Navigation OBSERVATIONS = EntityType.DATASTREAM.navigation("Observations").orElseThrow();

    private ObservationLane() {}

    /** The target when the request qualifies, else null (and the general path is taken). */
    static Target target(ResourcePath path, JsonNode body) {
        if (path == null || path.suffix() != ResourcePath.Suffix.NONE || path.segments().size() != 2) {
            return null;
        }
        List<ResourcePath.Segment> segments = path.segments();
        ResourcePath.Segment parent = segments.get(0);
        ResourcePath.Segment child = segments.get(1);
        if (!parent.name().equals("Datastreams") || parent.id() == null || !child.name().equals("Observations")
                || child.id() != null || !createsOnlyTheObservation(body)) {
            return null;
        }
        return Target.navigation(EntityType.DATASTREAM, parent.id(), OBSERVATIONS, null);
    }

    /** No nested entity: a FeatureOfInterest, if any, is a plain link {"@iot.id": n}. */
    private static boolean createsOnlyTheObservation(JsonNode body) {
        if (body.has("Datastream")) {
            return false;
        }
        JsonNode feature = body.get("FeatureOfInterest");
        return feature == null || (feature.isObject() && feature.size() == 1 && feature.has("@iot.id"));
    }
}
