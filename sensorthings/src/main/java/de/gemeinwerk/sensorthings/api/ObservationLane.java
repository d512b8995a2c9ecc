package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.ObservationBatcher;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The ingest hot path: {@code POST Datastreams(n)/Observations} (or {@code MultiDatastreams(n)/Observations}) with a
 * body that creates nothing but the Observation. The body is validated on the request's thread; the {@link ObservationBatcher} then stores it
 * together with the Observations of concurrent requests in one statement that itself checks and locks each
 * Datastream within its tenant, so the path needs no separate lookup. That statement returns the stored
 * columns, so the response needs no read-back either.
 */
final class ObservationLane {

    private static final Projection ID_ONLY = new Projection(EntityType.OBSERVATION, true, true, List.of(), List.of());
    private static final Projection FULL = Projection.of(EntityType.OBSERVATION, List.of());

    private final ObservationBatcher batcher;
    private final Clock clock;

    /** @param clock "now" for an Observation's default phenomenonTime */
    ObservationLane(ObservationBatcher batcher, Clock clock) {
        this.batcher = batcher;
        this.clock = clock;
    }

    /** The target when the request qualifies, else null (and the general path is taken). */
    static Target target(ResourcePath path, JsonNode body) {
        if (path == null || path.suffix() != ResourcePath.Suffix.NONE || path.segments().size() != 2) {
            return null;
        }
        List<ResourcePath.Segment> segments = path.segments();
        ResourcePath.Segment parent = segments.get(0);
        ResourcePath.Segment child = segments.get(1);
        EntityType parentType = EntityType.bySetName(parent.name()).orElse(null);
        if ((parentType != EntityType.DATASTREAM && parentType != EntityType.MULTI_DATASTREAM) || parent.id() == null
                || !child.name().equals("Observations") || child.id() != null || !createsOnlyTheObservation(body)) {
            return null;
        }
        return Target.navigation(parentType, parent.id(), parentType.navigation("Observations").orElseThrow(), null);
    }

    /**
     * No nested entity: a FeatureOfInterest, if any, is a plain link {"@iot.id": n}. An {@code @iot.id} of the
     * Observation itself (linking an existing one to the Datastream, or an error) takes the general path.
     */
    private static boolean createsOnlyTheObservation(JsonNode body) {
        if (body.has("Datastream") || body.has("MultiDatastream") || body.has("@iot.id")) {
            return false;
        }
        JsonNode feature = body.get("FeatureOfInterest");
        return feature == null || (feature.isObject() && feature.size() == 1 && feature.has("@iot.id"));
    }

    /** Stores the Observation; returns it as the response shows it (only id and self link when minimal). */
    ReadEndpoint.Result create(long tenantId, Target observations, JsonNode body, boolean minimal) {
        return result(batcher.insert(row(tenantId, observations, body)), minimal);
    }

    /**
     * The same in the caller's transaction (an atomicity group of a batch, which must commit or roll back as one):
     * the same statement, without the group commit.
     */
    ReadEndpoint.Result create(Connection connection, long tenantId, Target observations, JsonNode body,
                               boolean minimal) throws SQLException {
        ObservationInserts.Outcome[] outcome = new ObservationInserts.Outcome[1];
        ObservationInserts.insert(connection, List.of(row(tenantId, observations, body)),
                (index, settled) -> outcome[0] = settled);
        return switch (outcome[0]) {
            case ObservationInserts.Outcome.Inserted inserted -> result(inserted.row(), minimal);
            case ObservationInserts.Outcome.Rejected rejected -> throw rejected.error();
        };
    }

    private ObservationInserts.Row row(long tenantId, Target observations, JsonNode body) {
        return ObservationInserts.parse(tenantId, observations.parentType(), observations.parentId(), body,
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    private static ReadEndpoint.Result result(EntityRow stored, boolean minimal) {
        return new ReadEndpoint.Result(
                new ResolvedPath(Target.entity(EntityType.OBSERVATION, stored.id()), null, ResourcePath.Suffix.NONE),
                minimal ? ID_ONLY : FULL, List.of(), new EntityReader.Page(List.of(stored), null, false, 1, 0));
    }
}
