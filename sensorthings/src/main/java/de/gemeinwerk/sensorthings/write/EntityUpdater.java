package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a validated update body (PATCH, PUT, or the result of a JSON Patch) to an existing entity. */
final class EntityUpdater {

    private static final Property RESULT = EntityType.OBSERVATION.property("result").orElseThrow();

    private final WriteScope scope;

    EntityUpdater(WriteScope scope) {
        this.scope = scope;
    }

    void apply(long id, EntityBody body) throws SQLException {
        EntityType type = body.type();
        Ref.Existing self = new Ref.Existing(type, id, null);
        if (!body.values().isEmpty()) {
            // an Observation's time or result may change: its hour before and after must be re-derived
            List<ObservationChange> changes = type == EntityType.OBSERVATION ? observationAt(id, " for update") : List.of();
            List<Columns.Column> columns = Columns.of(body.values());
            int updated = Rows.update(scope.connection(), Sql.concat(new Sql("update " + type.table() + " e set "
                    + Columns.assignments(columns), Columns.values(columns)), " where e.id = ", Sql.param(id), " and ",
                    Rows.inTenant(type, "e", scope.tenantId())));
            if (updated == 0) {
                throw Names.missing(type, id, null);
            }
            if (type == EntityType.OBSERVATION) {
                List<ObservationChange> both = new ArrayList<>(changes);
                both.addAll(observationAt(id, ""));
                DatastreamSummaries.recompute(scope.connection(), Rows.ofDatastreams(both));
            }
        }
        if (type == EntityType.OBSERVATION && body.toOne().containsKey(ObservationParents.DATASTREAM)
                && body.toOne().containsKey(ObservationParents.MULTI_DATASTREAM)) {
            ObservationParents.of(body);
        }
        for (Map.Entry<Navigation, Ref> relation : body.toOne().entrySet()) {
            ToOneLinks.set(scope, self, relation.getKey(), (Ref.Existing) relation.getValue());
        }
        if (type == EntityType.OBSERVATION && body.values().containsKey(RESULT)) {
            MultiDatastreamRules.checkObservation(scope, id, body.at().child(RESULT.name()));
        }
        if (type == EntityType.MULTI_DATASTREAM) {
            MultiDatastreamRules.checkStored(scope, id, body.at());
        }
        // the parser lets only a Thing's Locations through among the to-many relations
        EntityCreator creator = new EntityCreator(scope);
        for (Map.Entry<Navigation, List<Ref>> related : body.toMany().entrySet()) {
            List<Long> locationIds = new ArrayList<>();
            for (Ref ref : related.getValue()) {
                locationIds.add(creator.idOf(ref));
            }
            LinkTables.link(scope, type, id, related.getKey(), locationIds);
        }
    }

    /** The Observation's Datastream and time, as a change there; nothing when it is not in the tenant. */
    private List<ObservationChange> observationAt(long id, String lock) throws SQLException {
        return Rows.changes(scope.connection(), Sql.concat("select ", Rows.CHANGE_COLUMNS, " from sta_observation e"
                + " where e.id = ", Sql.param(id), " and ", Rows.inTenant(EntityType.OBSERVATION, "e", scope.tenantId()), lock));
    }
}
