package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.SQLException;
import java.util.List;

/**
 * A Thing's current Locations and their history. As in FROST-Server, giving a Thing Locations (creating it
 * with Locations, linking a Location to it) replaces its current Locations and records a HistoricalLocation
 * at "now"; and a HistoricalLocation created directly becomes the Thing's current Locations when it is the
 * Thing's newest one.
 */
final class ThingLocations {

    private ThingLocations() {}

    /** The Thing is now at these Locations (already checked to exist in the tenant); records the move. */
    static void moveTo(WriteScope scope, long thingId, List<Long> locationIds) throws SQLException {
        Sql ids = Rows.idArray(locationIds);
        setCurrent(scope, thingId, ids);
        Rows.update(scope.connection(), Sql.concat(
                "with history as (insert into sta_historical_location (tenant_id, thing_id, time) values (",
                Sql.param(scope.tenantId()), ", ", Sql.param(thingId), ", ", Sql.param(scope.now()), "::timestamptz) returning id)",
                " insert into sta_location_historical_location (historical_location_id, location_id)",
                " select history.id, l.id from history, (select distinct unnest(", ids, ") as id) l"));
    }

    /** After Locations were linked to a HistoricalLocation: if it is its Thing's newest, the Thing is there now. */
    static void historicalLocationChanged(WriteScope scope, long historicalLocationId) throws SQLException {
        List<Long> newestOf = Rows.longs(scope.connection(), Sql.concat(
                "select h.thing_id from sta_historical_location h where h.id = ", Sql.param(historicalLocationId),
                " and not exists (select 1 from sta_historical_location n where n.thing_id = h.thing_id and n.time > h.time)"));
        if (!newestOf.isEmpty()) {
            setCurrent(scope, newestOf.getFirst(), Sql.concat("array(select location_id from sta_location_historical_location"
                    + " where historical_location_id = ", Sql.param(historicalLocationId), ")"));
        }
    }

    /**
     * Replaces the Thing's links with {@code locationIds} (SQL for a bigint[]). One statement: the delete and
     * the insert touch disjoint rows (links that stay are neither deleted nor inserted).
     */
    private static void setCurrent(WriteScope scope, long thingId, Sql locationIds) throws SQLException {
        Rows.update(scope.connection(), Sql.concat(
                "with wanted as (select distinct unnest(", locationIds, ") as id),",
                " removed as (delete from sta_thing_location where thing_id = ", Sql.param(thingId),
                " and location_id not in (select id from wanted))",
                " insert into sta_thing_location (thing_id, location_id) select ", Sql.param(thingId),
                ", id from wanted on conflict do nothing"));
    }
}
