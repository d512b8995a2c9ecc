package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.observations.ObservationExtents;
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
            List<Columns.Column> columns = Columns.of(body.values());
            int updated = Rows.update(scope.connection(), Sql.concat(new Sql("update " + type.table() + " e set "
                    + Columns.assignments(columns), Columns.values(columns)), " where e.id = ", Sql.param(id), " and ",
                    Rows.inTenant(type, "e", scope.tenantId())));
            if (updated == 0) {
                throw Names.missing(type, id, null);
            }
            if (type == EntityType.OBSERVATION) {
                // its times may have changed, in either direction
                ObservationExtents.recompute(scope.connection(), Rows.longs(scope.connection(), Sql.concat(
                        "select datastream_id from sta_observation where id = ", Sql.param(id),
                        " and datastream_id is not null")));
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
}
