package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.List;

/**
 * Links through link tables (Thing–Location, HistoricalLocation–Location, MultiDatastream–ObservedProperty) with
 * the meaning such a link has: between Things and Locations it moves the Thing (see {@link ThingLocations}); between
 * HistoricalLocations and Locations it completes the history entry; a MultiDatastream's ObservedProperties are
 * numbered in order.
 */
final class LinkTables {

    private LinkTables() {}

    /** Links {@code sourceId} to each target (all checked to exist in the tenant). */
    static void link(WriteScope scope, EntityType sourceType, long sourceId, Navigation navigation, List<Long> targetIds)
            throws SQLException {
        if (targetIds.isEmpty()) {
            return;
        }
        if (sourceType == EntityType.THING && navigation.target() == EntityType.LOCATION) {
            ThingLocations.moveTo(scope, sourceId, targetIds);
        } else if (sourceType == EntityType.LOCATION && navigation.target() == EntityType.THING) {
            for (long thingId : targetIds) {
                ThingLocations.moveTo(scope, thingId, List.of(sourceId));
            }
        } else if (MultiDatastreamRules.isPropertyLink(navigation)) {
            // only ever at the creation of the MultiDatastream: positions 1..n in the order given
            Relation.LinkTable table = (Relation.LinkTable) navigation.relation();
            Rows.update(scope.connection(), Sql.concat("insert into " + table.table() + " (" + table.sourceColumn() + ", "
                    + table.targetColumn() + ", " + table.positionColumn() + ") select ", Sql.param(sourceId),
                    ", t.id, t.n from unnest(", Rows.idArray(targetIds), ") with ordinality as t(id, n)"));
        } else {
            Relation.LinkTable table = (Relation.LinkTable) navigation.relation();
            Rows.update(scope.connection(), Sql.concat("insert into " + table.table() + " (" + table.sourceColumn() + ", "
                    + table.targetColumn() + ") select ", Sql.param(sourceId), ", unnest(", Rows.idArray(targetIds), ")"
                    + " on conflict do nothing"));
            List<Long> historicalLocations = sourceType == EntityType.HISTORICAL_LOCATION ? List.of(sourceId) : targetIds;
            for (long historicalLocationId : historicalLocations) {
                ThingLocations.historicalLocationChanged(scope, historicalLocationId);
            }
        }
    }

    static void unlink(WriteScope scope, Navigation navigation, long sourceId, long targetId) throws SQLException {
        Relation.LinkTable table = (Relation.LinkTable) navigation.relation();
        Rows.update(scope.connection(), Sql.concat("delete from " + table.table() + " where " + table.sourceColumn()
                + " = ", Sql.param(sourceId), " and " + table.targetColumn() + " = ", Sql.param(targetId)));
    }
}
