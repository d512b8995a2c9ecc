package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
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
        String column = ((Relation.SourceColumn) navigation.relation()).column();
        if (entity.type() == EntityType.OBSERVATION && target.type() != EntityType.FEATURE_OF_INTEREST) {
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
     * Moves an Observation to another Datastream or MultiDatastream (the other of the two becomes empty); a
     * MultiDatastream must fit the Observation's result. The counts and what is kept about the Observations of the
     * Datastreams involved change. Those Datastreams are locked FOR UPDATE at once, in id order, as re-deriving needs
     * them so: a weaker lock on the target first, upgraded later, would let two concurrent moves into the same
     * Datastream deadlock.
     */
    private static void moveObservation(WriteScope scope, Ref.Existing observation, Ref.Existing parent)
            throws SQLException {
        boolean toDatastream = parent.type() == EntityType.DATASTREAM;
        if (toDatastream) {
            Sql target = Sql.concat("select d.id from sta_datastream d where d.id = ", Sql.param(parent.id()),
                    " and d.tenant_id = ", Sql.param(scope.tenantId()));
            if (Rows.longs(scope.connection(), target).isEmpty()) {
                throw Names.missing(EntityType.DATASTREAM, parent.id(), parent.at());
            }
        } else {
            Rows.lockForLink(scope.connection(), scope.tenantId(), parent.type(), parent.id(), parent.at());
        }
        List<ObservationChange> previous = Rows.changes(scope.connection(), Sql.concat("select ", Rows.CHANGE_COLUMNS,
                " from sta_observation e where e.id = ", Sql.param(observation.id()), " and ",
                Rows.inTenant(EntityType.OBSERVATION, "e", scope.tenantId()), " for update"));
        if (previous.isEmpty()) {
            throw Names.missing(EntityType.OBSERVATION, observation.id(), observation.at());
        }
        ObservationChange left = previous.getFirst();
        if (toDatastream && left.datastreamId() == parent.id()) {
            return;
        }
        List<ObservationChange> changes = new ArrayList<>(Rows.ofDatastreams(previous));
        if (toDatastream) {
            changes.add(new ObservationChange(parent.id(), left.first(), left.last()));
        }
        List<Long> involved = changes.stream().map(ObservationChange::datastreamId).sorted().toList();
        if (!involved.isEmpty()) {
            List<Long> locked = Rows.longs(scope.connection(), Sql.concat("select d.id from sta_datastream d where d.id = any(",
                    Rows.idArray(involved), ") and d.tenant_id = ", Sql.param(scope.tenantId()), " order by d.id for update"));
            if (toDatastream && !locked.contains(parent.id())) {
                throw Names.missing(EntityType.DATASTREAM, parent.id(), parent.at());
            }
        }
        String column = ObservationParents.column(parent.type());
        String other = ObservationParents.column(toDatastream ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM);
        Rows.update(scope.connection(), Sql.concat("update sta_observation set " + column + " = ", Sql.param(parent.id()),
                ", " + other + " = null where id = ", Sql.param(observation.id())));
        if (!toDatastream) {
            MultiDatastreamRules.checkObservation(scope, observation.id(), parent.at() == null ? Pointer.BODY : parent.at());
        }
        DatastreamSummaries.recompute(scope.connection(), changes);
        for (ObservationChange change : changes) {
            ObservationCounts.add(scope.connection(), change.datastreamId(), change.datastreamId() == parent.id()
                    && toDatastream ? 1 : -1);
        }
    }
}
