package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import de.gemeinwerk.sensorthings.observations.ObservationExtents;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Points an existing entity's to-one relation at another existing entity: Datastream/Thing, Observation/(Multi)Datastream,
 * ... — for PATCH, for {@code PUT .../$ref} and for linking an existing child to a new or named parent.
 */
final class ToOneLinks {

    private ToOneLinks() {}

    static void set(WriteScope scope, Ref.Existing entity, Navigation navigation, Ref.Existing target) throws SQLException {
        Rows.lockForLink(scope.connection(), scope.tenantId(), target.type(), target.id(), target.at());
        String column = ((Relation.SourceColumn) navigation.relation()).column();
        if (entity.type() == EntityType.OBSERVATION && target.type() != EntityType.FEATURE_OF_INTEREST) {
            moveObservation(scope, entity, target);
            return;
        }
        int updated = Rows.update(scope.connection(), Sql.concat("update " + entity.type().table() + " e set " + column
                + " = ", Sql.param(target.id()), " where e.id = ", Sql.param(entity.id()), " and ",
                Rows.inTenant(entity.type(), "e", scope.tenantId())));
        if (updated == 0) {
            throw Names.missing(entity.type(), entity.id(), entity.at());
        }
    }

    /**
     * Moves an Observation to another Datastream or MultiDatastream (the other of the two becomes empty). The counts
     * and time envelopes of the Datastreams involved change; a MultiDatastream must fit the Observation's result.
     */
    private static void moveObservation(WriteScope scope, Ref.Existing observation, Ref.Existing parent)
            throws SQLException {
        List<Long> previous = Rows.longs(scope.connection(), Sql.concat("select coalesce(e.datastream_id, -1) from"
                + " sta_observation e where e.id = ", Sql.param(observation.id()), " and ",
                Rows.inTenant(EntityType.OBSERVATION, "e", scope.tenantId()), " for update"));
        if (previous.isEmpty()) {
            throw Names.missing(EntityType.OBSERVATION, observation.id(), observation.at());
        }
        boolean toDatastream = parent.type() == EntityType.DATASTREAM;
        long from = previous.getFirst();
        if (toDatastream && from == parent.id()) {
            return;
        }
        String column = ObservationParents.column(parent.type());
        String other = ObservationParents.column(toDatastream ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM);
        Rows.update(scope.connection(), Sql.concat("update sta_observation set " + column + " = ", Sql.param(parent.id()),
                ", " + other + " = null where id = ", Sql.param(observation.id())));
        List<Long> datastreams = new ArrayList<>();
        if (from >= 0) {
            ObservationCounts.add(scope.connection(), from, -1);
            datastreams.add(from);
        }
        if (toDatastream) {
            ObservationCounts.add(scope.connection(), parent.id(), 1);
            datastreams.add(parent.id());
        } else {
            MultiDatastreamRules.checkObservation(scope, observation.id(), parent.at() == null ? Pointer.BODY : parent.at());
        }
        ObservationExtents.recompute(scope.connection(), datastreams);
    }
}
