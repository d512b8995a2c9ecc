package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.List;

/**
 * Points an existing entity's to-one relation at another existing entity: Datastream/Thing, Observation/Datastream,
 * ... — for PATCH, for {@code PUT .../$ref} and for linking an existing child to a new or named parent.
 */
final class ToOneLinks {

    private ToOneLinks() {}

    static void set(WriteScope scope, Ref.Existing entity, Navigation navigation, Ref.Existing target) throws SQLException {
        String column = ((Relation.SourceColumn) navigation.relation()).column();
        if (entity.type() == EntityType.OBSERVATION && column.equals("datastream_id")) {
            moveObservation(scope, entity, target);
            return;
        }
        Rows.lockForLink(scope.connection(), scope.tenantId(), target.type(), target.id(), target.at());
        int updated = Rows.update(scope.connection(), Sql.concat("update " + entity.type().table() + " e set " + column
                + " = ", Sql.param(target.id()), " where e.id = ", Sql.param(entity.id()), " and ",
                Rows.inTenant(entity.type(), "e", scope.tenantId())));
        if (updated == 0) {
            throw Names.missing(entity.type(), entity.id(), entity.at());
        }
    }

    /**
     * Moves an Observation to another Datastream; both Datastreams' counts and what is kept about their Observations
     * change. Both Datastreams are locked FOR UPDATE at once, in id order, as re-deriving needs them so: a weaker lock
     * on the target first, upgraded later, would let two concurrent moves into the same Datastream deadlock.
     */
    private static void moveObservation(WriteScope scope, Ref.Existing observation, Ref.Existing datastream)
            throws SQLException {
        Sql target = Sql.concat("select d.id from sta_datastream d where d.id = ", Sql.param(datastream.id()),
                " and d.tenant_id = ", Sql.param(scope.tenantId()));
        if (Rows.longs(scope.connection(), target).isEmpty()) {
            throw Names.missing(EntityType.DATASTREAM, datastream.id(), datastream.at());
        }
        List<ObservationChange> previous = Rows.changes(scope.connection(), Sql.concat("select ", Rows.CHANGE_COLUMNS,
                " from sta_observation e where e.id = ", Sql.param(observation.id()), " and ",
                Rows.inTenant(EntityType.OBSERVATION, "e", scope.tenantId()), " for update"));
        if (previous.isEmpty()) {
            throw Names.missing(EntityType.OBSERVATION, observation.id(), observation.at());
        }
        ObservationChange left = previous.getFirst();
        long from = left.datastreamId();
        if (from == datastream.id()) {
            return;
        }
        List<Long> locked = Rows.longs(scope.connection(), Sql.concat("select d.id from sta_datastream d where d.id in (",
                Sql.param(from), ", ", Sql.param(datastream.id()), ") and d.tenant_id = ", Sql.param(scope.tenantId()),
                " order by d.id for update"));
        if (!locked.contains(datastream.id())) {
            throw Names.missing(EntityType.DATASTREAM, datastream.id(), datastream.at());
        }
        Rows.update(scope.connection(), Sql.concat("update sta_observation set datastream_id = ", Sql.param(datastream.id()),
                " where id = ", Sql.param(observation.id())));
        ObservationCounts.add(scope.connection(), from, -1);
        ObservationCounts.add(scope.connection(), datastream.id(), 1);
        DatastreamSummaries.recompute(scope.connection(),
                List.of(left, new ObservationChange(datastream.id(), left.first(), left.last())));
    }
}
