package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.HourlyRollup;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes an entity with the cascades of the specification. Foreign keys cascade among the small tables;
 * Observations have none (see the schema), so their cascade is done here: the parent row goes first, then
 * its Observations — a concurrent writer holding the parent FOR KEY SHARE makes the delete wait for its
 * commit, and one that comes later finds no parent — and finally what is kept per Datastream: envelope, latest value
 * and hourly rollup re-derived ({@code DatastreamSummaries.recompute}), then the counts adjusted. A deleted Datastream's
 * extent row (and with it its count) goes by the foreign key's cascade.
 */
final class EntityDeleter {

    private final WriteScope scope;

    EntityDeleter(WriteScope scope) {
        this.scope = scope;
    }

    void delete(EntityType type, long id) throws SQLException {
        switch (type) {
            case THING -> deleteWithDatastreams(type, id, "thing_id", Sql.concat("e.thing_id = ", Sql.param(id)));
            case SENSOR -> deleteWithDatastreams(type, id, "sensor_id", Sql.concat("e.sensor_id = ", Sql.param(id)));
            case OBSERVED_PROPERTY -> deleteWithDatastreams(type, id, "observed_property_id", Sql.concat(
                    "e.id in (select l.multi_datastream_id from sta_multi_datastream_observed_property l"
                            + " where l.observed_property_id = ", Sql.param(id), ")"));
            case MULTI_DATASTREAM -> {
                if (deleteMultiDatastreams(Sql.concat("e.id = ", Sql.param(id), " and e.tenant_id = ",
                        Sql.param(scope.tenantId()))) == 0) {
                    throw Names.missing(type, id, null);
                }
            }
            case DATASTREAM -> {
                if (deleteDatastreams(Sql.concat("e.id = ", Sql.param(id), " and e.tenant_id = ",
                        Sql.param(scope.tenantId()))).isEmpty()) {
                    throw Names.missing(type, id, null);
                }
            }
            case LOCATION -> deleteLocation(id);
            case FEATURE_OF_INTEREST -> deleteFeature(id);
            case OBSERVATION -> deleteObservation(id);
            case HISTORICAL_LOCATION -> deleteRow(type, id);
        }
    }

    /**
     * A Thing, Sensor or ObservedProperty and its Datastreams and MultiDatastreams (a MultiDatastream cannot lose
     * one of its ObservedProperties: its results would no longer match them). The row is locked FOR UPDATE first,
     * so no new (Multi)Datastream can be attached to it (its foreign key check would wait) between collecting and
     * deleting.
     */
    private void deleteWithDatastreams(EntityType type, long id, String datastreamColumn, Sql multiDatastreams)
            throws SQLException {
        lock(type, id);
        deleteDatastreams(Sql.concat("e." + datastreamColumn + " = ", Sql.param(id)));
        deleteMultiDatastreams(multiDatastreams);
        deleteRow(type, id);
    }

    /**
     * MultiDatastreams matching {@code condition} (on alias e), then their Observations (whose count and time
     * envelope are computed from the index, so there is nothing else to update). Returns how many were deleted.
     */
    private int deleteMultiDatastreams(Sql condition) throws SQLException {
        List<Long> ids = Rows.longs(scope.connection(), Sql.concat("delete from sta_multi_datastream e where ", condition,
                " returning e.id"));
        if (!ids.isEmpty()) {
            Rows.update(scope.connection(), Sql.concat("delete from sta_observation where multi_datastream_id = any(",
                    Rows.idArray(ids), ")"));
        }
        return ids.size();
    }

    /** Datastreams matching {@code condition} (on alias e), then their Observations, counts and hourly rollup. */
    private List<Long> deleteDatastreams(Sql condition) throws SQLException {
        List<Long> ids = Rows.longs(scope.connection(), Sql.concat("delete from sta_datastream e where ", condition,
                " returning e.id"));
        if (ids.isEmpty()) {
            return ids;
        }
        Sql datastreams = Rows.idArray(ids);
        Rows.update(scope.connection(), Sql.concat("delete from sta_observation where datastream_id = any(", datastreams, ")"));
        Rows.update(scope.connection(), Sql.concat("delete from " + HourlyRollup.TABLE + " where datastream_id = any(",
                datastreams, ")"));
        return ids;
    }

    /** A Location, its links, and the HistoricalLocations that had no other Location. */
    private void deleteLocation(long id) throws SQLException {
        lock(EntityType.LOCATION, id);
        List<Long> history = Rows.longs(scope.connection(), Sql.concat("select historical_location_id from"
                + " sta_location_historical_location where location_id = ", Sql.param(id)));
        deleteRow(EntityType.LOCATION, id);
        if (!history.isEmpty()) {
            Rows.update(scope.connection(), Sql.concat("delete from sta_historical_location h where h.id = any(",
                    Rows.idArray(history), ") and not exists (select 1 from sta_location_historical_location l"
                            + " where l.historical_location_id = h.id)"));
        }
    }

    /**
     * A FeatureOfInterest and its Observations, which may belong to many Datastreams: one count delta for each (those of
     * MultiDatastreams are counted from the index).
     */
    private void deleteFeature(long id) throws SQLException {
        deleteRow(EntityType.FEATURE_OF_INTEREST, id);
        Sql removed = Sql.concat("with removed as (delete from sta_observation where feature_of_interest_id = ",
                Sql.param(id), " returning datastream_id, phenomenon_time_start) select datastream_id,"
                        + " min(phenomenon_time_start), max(phenomenon_time_start), count(*) from removed"
                        + " where datastream_id is not null group by datastream_id");
        List<ObservationChange> changes = new ArrayList<>();
        Map<Long, Long> removedCounts = new HashMap<>();
        try (PreparedStatement statement = Statements.prepare(scope.connection(), removed);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                changes.add(ObservationChange.read(rs, 1));
                removedCounts.put(rs.getLong(1), rs.getLong(4));
            }
        }
        DatastreamSummaries.recompute(scope.connection(), changes);
        for (Map.Entry<Long, Long> removedCount : removedCounts.entrySet()) {
            ObservationCounts.add(scope.connection(), removedCount.getKey(), -removedCount.getValue());
        }
    }

    private void deleteObservation(long id) throws SQLException {
        List<ObservationChange> deleted = Rows.changes(scope.connection(), Sql.concat(
                "delete from sta_observation e where e.id = ", Sql.param(id), " and ",
                Rows.inTenant(EntityType.OBSERVATION, "e", scope.tenantId()), " returning ", Rows.CHANGE_COLUMNS));
        if (deleted.isEmpty()) {
            throw Names.missing(EntityType.OBSERVATION, id, null);
        }
        // one of a MultiDatastream has no Datastream: its count and envelope come from the index, nothing to update
        List<ObservationChange> ofDatastreams = Rows.ofDatastreams(deleted);
        DatastreamSummaries.recompute(scope.connection(), ofDatastreams);
        for (ObservationChange change : ofDatastreams) {
            ObservationCounts.add(scope.connection(), change.datastreamId(), -1);
        }
    }

    private void lock(EntityType type, long id) throws SQLException {
        if (Rows.longs(scope.connection(), Sql.concat("select e.id from " + type.table() + " e where e.id = ", Sql.param(id),
                " and e.tenant_id = ", Sql.param(scope.tenantId()), " for update")).isEmpty()) {
            throw Names.missing(type, id, null);
        }
    }

    private void deleteRow(EntityType type, long id) throws SQLException {
        if (Rows.update(scope.connection(), Sql.concat("delete from " + type.table() + " e where e.id = ", Sql.param(id),
                " and e.tenant_id = ", Sql.param(scope.tenantId()))) == 0) {
            throw Names.missing(type, id, null);
        }
    }
}
